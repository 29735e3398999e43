package dev.kgw.spi;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RequestTracer;
import dev.kgw.router.ServerFilter;
import io.vertx.core.Future;

/**
 * What one opened namespace adds to one node: a contribution per stage ({@link Stage}, in the order
 * {@link StageOrder} gives), each null where it adds nothing, and its lifecycle. Asked once per endpoint and
 * backend at start-up, never per request.
 */
public interface Extension {
    Extension NONE = new Extension() {};

    /** {@link Stage#SERVER}: before routing, on every request. */
    default ServerFilter serverFilter() { return null; }

    /** {@link Stage#ENDPOINT}: after routing, before the pipeline. */
    default EndpointFilter endpointFilter(EndpointConfig endpoint) { return null; }

    /** {@link Stage#PIPE}: around the endpoint's whole pipe, before the split to backends. */
    default Middleware pipe(EndpointConfig endpoint) { return null; }

    /** {@link Stage#MERGED}: around the merge of the backends' answers. */
    default Middleware merged(EndpointConfig endpoint) { return null; }

    /** {@link Stage#BACKEND}: around one backend's call, after its host was picked. */
    default Middleware backend(EndpointConfig endpoint, BackendConfig backend) { return null; }

    /** {@link Stage#CLIENT}: around each HTTP exchange of one backend. */
    default ClientInterceptor client(EndpointConfig endpoint, BackendConfig backend) { return null; }

    /** {@link Stage#OBSERVER}: told about every answered request. */
    default RequestObserver observer() { return null; }

    /** {@link Stage#TRACER}: opens and closes every request's trace; a node has at most one. */
    default RequestTracer tracer() { return null; }

    /** Once the listener is up (a namespace's own listener, say); a failure stops the node from starting. */
    default Future<Void> start() { return Future.succeededFuture(); }

    /**
     * When the node begins to stop, while it still serves: the node stays in this draining phase until every
     * extension's future completes, then closes its listener.
     */
    default Future<Void> drain() { return Future.succeededFuture(); }

    /** After the listener closed and in-flight requests finished, before the event loops stop (last pushes). */
    default Future<Void> stop() { return Future.succeededFuture(); }

    /** After the event loops stopped: release threads and ports that outlive them. */
    default void close() {}
}

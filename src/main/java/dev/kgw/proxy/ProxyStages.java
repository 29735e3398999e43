package dev.kgw.proxy;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;

/**
 * What the namespaces add to each endpoint's pipeline, at the positions KrakenD's factory stack gives them, each
 * already composed in the stage table's order (the first one outermost). A position returns null where nothing is
 * added, so an endpoint that uses no namespace gets exactly the pipeline it would get without any.
 */
public interface ProxyStages {
    ProxyStages NONE = new ProxyStages() {};

    /**
     * Wraps the whole endpoint pipe, outermost: before the shadow split, static data and the merge (telemetry,
     * Lua proxy, CEL, JSON Schema).
     */
    default Middleware pipe(EndpointConfig endpoint) { return null; }

    /** Wraps the merge (and the endpoint flatmap), inside static data: it sees the merged answer. */
    default Middleware merged(EndpointConfig endpoint) { return null; }

    /**
     * Wraps one backend's call: after the balancer picked the host ({@link Request#url} is set) and after the
     * header filter, so a header added here reaches the backend (telemetry, circuit breaker, proxy rate limit).
     */
    default Middleware backend(EndpointConfig endpoint, BackendConfig backend) { return null; }

    /** Around each HTTP exchange of one backend, redirects included (HTTP cache, client credentials). */
    default ClientInterceptor client(EndpointConfig endpoint, BackendConfig backend) { return null; }
}

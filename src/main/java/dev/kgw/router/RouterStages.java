package dev.kgw.router;

import dev.kgw.config.EndpointConfig;
import java.util.List;

/**
 * What the namespaces add to the router, already in the order the stage table gives: filters before routing,
 * filters per endpoint, and the observer and tracer told about every request. The router never names a
 * namespace; with {@link #NONE} it does no extra work on any request.
 */
public interface RouterStages {
    RouterStages NONE = new RouterStages() {};

    default List<ServerFilter> serverFilters() { return List.of(); }

    default List<EndpointFilter> endpointFilters(EndpointConfig endpoint) { return List.of(); }

    /** Null when nothing observes requests. */
    default RequestObserver observer() { return null; }

    /** Null when nothing traces. */
    default RequestTracer tracer() { return null; }
}

package dev.kgw.router;

import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * What a route does with a matched request; params are raw (percent-encoded) values by placeholder name, trace is
 * the {@link RequestTracer}'s context (null when nothing traces).
 */
@FunctionalInterface
interface RouteHandler {
    void handle(HttpServerRequest request, Map<String, String> params, Object trace);
}

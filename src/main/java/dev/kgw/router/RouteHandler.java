package dev.kgw.router;

import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/** What a route does with a matched request; params are raw (percent-encoded) values by placeholder name. */
@FunctionalInterface
interface RouteHandler {
    void handle(HttpServerRequest request, Map<String, String> params);
}

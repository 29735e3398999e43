package dev.kgw.router;

import java.util.Map;

/**
 * What a route does with a matched request; params are raw (percent-encoded) values by placeholder name; exchange
 * is the request's {@link Exchange}, or null when no stage or observer needed one so far.
 */
@FunctionalInterface
interface RouteHandler {
    void handle(ServerRequest request, Map<String, String> params, HttpExchange exchange);
}

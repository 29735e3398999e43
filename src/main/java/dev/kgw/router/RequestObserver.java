package dev.kgw.router;

/**
 * Told about every answered request, once its response has ended. Telemetry (access log, metrics) plugs in here,
 * so the router never names a telemetry package. Runs on the event loop: it must be quick and never block.
 */
@FunctionalInterface
public interface RequestObserver {
    /** @param route the matched endpoint pattern ({@code /users/{id}}), or "" when no route matched */
    void onResponse(Exchange exchange, String route, int status, long durationNanos);
}

package dev.kgw.router;

/**
 * Opens a trace for every request before it is routed and closes it when the response has ended. What
 * {@link #start} returns is opaque to the router: it travels down the pipeline in
 * {@link dev.kgw.proxy.Request#trace}, so the proxy and backend layers can hang their spans under it.
 * Runs on the event loop: quick, never blocking.
 */
public interface RequestTracer {
    Object start(Exchange exchange);

    /** @param route the matched endpoint pattern, or "" when no route matched */
    void end(Object trace, Exchange exchange, String route, int status);
}

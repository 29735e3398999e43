package dev.kgw.router;

import dev.kgw.proxy.Rejection;

/**
 * Runs on every request before routing, for paths with no endpoint too: may answer at once (a CORS preflight,
 * a blocked bot) by returning the answer, or decorate every response ({@link Exchange#responseHeader}) and return
 * null to go on. Synchronous and quick: it runs on the event loop for every request.
 */
@FunctionalInterface
public interface ServerFilter {
    /** @return null to go on, or the answer to write instead of routing */
    Rejection filter(Exchange exchange);
}

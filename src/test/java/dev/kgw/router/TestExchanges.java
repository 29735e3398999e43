package dev.kgw.router;

import io.vertx.core.http.HttpServerRequest;

/** The listener's {@link Exchange} over a request, for tests that drive an observer from their own server. */
public final class TestExchanges {
    private TestExchanges() {}

    public static Exchange of(HttpServerRequest req) {
        return new HttpExchange(new VertxServerRequest(req), new ClientIp(RouterOptions.DEFAULT));
    }
}

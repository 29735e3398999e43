package dev.kgw.telemetry.stats;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * The {@code /__stats} listener, apart from the API's: GET only (405 otherwise, as gin), 404 for any other path.
 * {@code /__stats/} answers too, where gin would redirect to {@code /__stats}. The body is built on the event loop:
 * a walk over the registry, rare enough not to matter next to the API traffic.
 */
final class StatsServer {
    private final HttpServer server;
    private final Supplier<Buffer> body;

    StatsServer(Vertx vertx, String host, int port, Supplier<Buffer> body) {
        this.body = body;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(host.isEmpty() ? "0.0.0.0" : host)
                .setPort(port)).requestHandler(this::handle);
    }

    Future<HttpServer> listen() { return server.listen(); }

    int port() { return server.actualPort(); }

    Future<Void> close() { return server.close(); }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (!"/__stats".equals(path) && !"/__stats/".equals(path)) {
            req.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("404 page not found");
        } else if (req.method() != HttpMethod.GET) {
            req.response().setStatusCode(405).putHeader("Allow", "GET").putHeader("Content-Type", "text/plain")
                    .end("405 method not allowed");
        } else {
            req.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.get());
        }
    }
}

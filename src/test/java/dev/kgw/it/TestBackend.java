package dev.kgw.it;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP backend for integration tests: a few routes with known answers, on a free port. */
final class TestBackend implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    TestBackend() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() { return "http://127.0.0.1:" + server.actualPort(); }

    /** How many requests reached {@code path} so far. */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        req.body().onSuccess(body -> {
            var resp = req.response().putHeader("Content-Type", "application/json");
            switch (path) {
                case "/user" -> resp.end(new JsonObject().put("id", 1).put("name", "Ada")
                        .put("address", new JsonObject().put("city", "London").put("zip", "N1")).encode());
                case "/posts" -> resp.end(new JsonArray().add(new JsonObject().put("t", "a"))
                        .add(new JsonObject().put("t", "b")).encode());
                case "/echo" -> resp.end(new JsonObject().put("method", req.method().name())
                        .put("query", req.query()).put("body", body.toString())
                        .put("xff", req.getHeader("X-Forwarded-For")).put("ua", req.getHeader("User-Agent"))
                        .put("secret", req.getHeader("X-Secret")).encode());
                case "/stamp" -> resp.end(new JsonObject().put("stamp", req.getHeader("X-Stamp"))
                        .put("claim", req.getHeader("X-User-Claim")).encode());
                case "/traced" -> resp.end(new JsonObject()
                        .put("traceparent", req.getHeader("traceparent")).encode());
                case "/slow" -> vertx.setTimer(500, t -> resp.end("{\"slow\":true}"));
                case "/slower" -> vertx.setTimer(2500, t -> resp.end("{\"slower\":true}"));
                case "/work" -> vertx.setTimer(30, t -> resp.end("{\"method\":\"" + req.method() + "\",\"bytes\":"
                        + body.length() + "}"));
                case "/teapot" -> resp.setStatusCode(418).putHeader("Content-Type", "text/plain").end("short and stout");
                case "/html" -> resp.putHeader("Content-Type", "text/html").end("<html></html>");
                case "/count" -> resp.end("{\"bytes\":" + body.length() + ",\"chunked\":"
                        + "chunked".equals(req.getHeader("Transfer-Encoding")) + "}");
                // a backend with a CORS policy of its own, behind a gateway that has one too
                case "/cors" -> resp.putHeader("Access-Control-Allow-Origin", "*").putHeader("Vary", "Accept-Encoding")
                        .end("{\"cors\":\"backend\"}");
                case "/noop" -> resp.setStatusCode(202).putHeader("X-Upstream", "yes").end("accepted " + body);
                default -> resp.setStatusCode(404).end();
            }
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

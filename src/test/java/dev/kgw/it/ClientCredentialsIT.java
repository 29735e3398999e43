package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code auth/client-credentials} in a real node: a token server that refuses HTTP Basic (so the node falls back
 * to credentials in the form, as Go's x/oauth2), a backend that needs the token; a burst of clients costs one
 * token, and a token server that is down is a backend error, not a hang.
 */
class ClientCredentialsIT {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void oneTokenForABurstAndADownTokenServerIsAnError() throws Exception {
        Vertx vertx = Vertx.vertx();
        AtomicInteger tokenCalls = new AtomicInteger();
        AtomicInteger good = new AtomicInteger();
        Process node = null;
        try {
            HttpServer tokens = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
                tokenCalls.incrementAndGet();
                String form = body.toString();
                if (req.getHeader("Authorization") != null || !form.contains("client_secret=s3cr%26t")
                        || !form.contains("grant_type=client_credentials") || !form.contains("scope=read+write")
                        || !form.contains("audience=api")) {
                    req.response().setStatusCode(401).end("{\"error\":\"invalid_client\"}");
                    return;
                }
                good.incrementAndGet();
                req.response().putHeader("Content-Type", "application/json")
                        .end("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":3600}");
            })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpServer backend = vertx.createHttpServer().requestHandler(req -> {
                boolean ok = "Bearer tok-1".equals(req.getHeader("Authorization"));
                req.response().setStatusCode(ok ? 200 : 401).putHeader("Content-Type", "application/json")
                        .end("{\"auth\":\"" + ok + "\"}");
            }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            int down = Nodes.freePort();
            int port = Nodes.freePort();
            node = Nodes.runNode(List.of(), """
                {"version": 3, "port": %d, "timeout": "3s", "endpoints": [
                  {"endpoint": "/cc", "backend": [{"host": ["http://127.0.0.1:%d"], "url_pattern": "/",
                    "extra_config": {"auth/client-credentials": {"client_id": "app", "client_secret": "s3cr&t",
                      "token_url": "http://127.0.0.1:%d/token", "scopes": "read,write",
                      "endpoint_params": {"audience": ["api"]}}}}]},
                  {"endpoint": "/down", "backend": [{"host": ["http://127.0.0.1:%d"], "url_pattern": "/",
                    "extra_config": {"auth/client-credentials": {"client_id": "app", "client_secret": "x",
                      "token_url": "http://127.0.0.1:%d/token"}}}]}]}
                """.formatted(port, backend.actualPort(), tokens.actualPort(), backend.actualPort(), down), port);
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cc"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("{\"auth\":\"true\"}", r.body());
            }
            assertEquals(1, good.get(), "one token for 40 concurrent calls");
            assertEquals(2, tokenCalls.get(), "Basic refused once, then the form, remembered");

            long start = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/down")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(ms < 3500, "a backend error within the endpoint timeout, took " + ms + " ms");
        } finally {
            if (node != null) Nodes.stopNode(node);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

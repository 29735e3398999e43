package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qos/circuit-breaker} and {@code qos/ratelimit/proxy} on a node in front of a real HTTP backend whose
 * answers the test switches: what the backend sees is the assertion.
 */
class TrafficIT {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Vertx vertx;
    private HttpServer backend;
    /** Requests the backend received. */
    private final AtomicInteger seen = new AtomicInteger();
    private volatile int status = 200;
    private volatile long delayMs = 0;
    /** Sent with every answer when set, with a Date. */
    private volatile String cacheControl;
    private Gateway node;
    private int port, statsPort;

    @BeforeEach
    void backend() throws Exception {
        vertx = Vertx.vertx();
        backend = vertx.createHttpServer().requestHandler(req -> {
            seen.incrementAndGet();
            int s = status;
            int n = seen.get();
            Runnable answer = () -> {
                var resp = req.response().setStatusCode(s).putHeader("Content-Type", "application/json");
                String cc = cacheControl;
                if (cc != null) {
                    // IMF-fixdate, as real servers send it (Java's RFC_1123 formatter drops the day's leading zero,
                    // which Go's parser, and so KrakenD's cache, refuses)
                    resp.putHeader("Cache-Control", cc).putHeader("Date", java.time.format.DateTimeFormatter
                            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                            .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
                }
                resp.end("{\"status\":" + s + ",\"n\":" + n + "}");
            };
            if (delayMs > 0) vertx.setTimer(delayMs, t -> answer.run());
            else answer.run();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) node.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void start(String backendExtra, String encoding) throws Exception {
        port = Nodes.freePort();
        statsPort = Nodes.freePort();
        Path cfg = dir.resolve("node.json");
        Files.writeString(cfg, """
            {"version": 3, "port": %d, "timeout": "3s",
             "extra_config": {"telemetry/metrics": {"listen_address": "127.0.0.1:%d"}},
             "endpoints": [{"endpoint": "/api", "output_encoding": "%s",
               "backend": [{"host": ["http://127.0.0.1:%d"], "url_pattern": "/x", "encoding": "%s",
                            "extra_config": {%s}}]}]}
            """.formatted(port, statsPort, encoding.equals("no-op") ? "no-op" : "json", backend.actualPort(),
                encoding, backendExtra));
        node = new Gateway(new ConfigParser(Namespaces.builtIn().registry()).load(cfg, Map.of()).config());
        node.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String body() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int get() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long stat(String name) throws Exception {
        String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/__stats"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"krakend\\." + Pattern.quote(name) + "\": (\\d+)").matcher(body);
        assertTrue(m.find(), name + " in " + body);
        return Long.parseLong(m.group(1));
    }

    /** Polls until the breaker lets a call through again (the open timeout passed), within a deadline. */
    private void awaitProbe(int backendSeen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.get() == backendSeen) {
            assertTrue(System.nanoTime() < deadline, "the breaker never let a probe through");
            get();
            if (seen.get() == backendSeen) Thread.sleep(50); // poll interval, bounded by the deadline
        }
    }

    @Test
    void opensAfterMaxErrorsPlusOneFailuresThenLetsExactlyOneProbeThrough() throws Exception {
        start("\"qos/circuit-breaker\": {\"name\": \"x\", \"max_errors\": 2, \"interval\": 60, \"timeout\": 1, "
                + "\"log_status_change\": true}", "json");
        status = 500;
        for (int i = 0; i < 3; i++) assertEquals(500, get());
        assertEquals(3, seen.get(), "max_errors + 1 failures reached the backend");
        assertEquals(2, stat("circuitbreaker.state.x"), "open");
        for (int i = 0; i < 20; i++) assertEquals(500, get(), "failed fast");
        assertEquals(3, seen.get(), "while open the backend sees nothing");

        // after the timeout: one probe, slow, and 20 concurrent callers beside it; only the probe reaches the backend
        status = 200;
        delayMs = 500;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<Integer, Integer> codes;
        do {
            assertTrue(System.nanoTime() < deadline, "never half-open");
            List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            codes = new TreeMap<>();
            for (var c : calls) codes.merge(c.get(10, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            if (seen.get() == 3) Thread.sleep(50); // still open: poll interval, bounded by the deadline
        } while (seen.get() == 3);
        assertEquals(4, seen.get(), "exactly one probe: " + codes);
        assertEquals(Map.of(200, 1, 500, 19), codes);
        delayMs = 0;
        for (int i = 0; i < 5; i++) assertEquals(200, get(), "closed again after the probe succeeded");
        assertEquals(9, seen.get());
        assertEquals(0, stat("circuitbreaker.state.x"));
        assertEquals(1, stat("circuitbreaker.opened.x"));
    }

    @Test
    void aFailedProbeOpensItAgain() throws Exception {
        start("\"qos/circuit-breaker\": {\"name\": \"y\", \"max_errors\": 0, \"timeout\": 1}", "json");
        status = 503;
        assertEquals(500, get());
        assertEquals(500, get());
        assertEquals(1, seen.get());
        awaitProbe(1);
        assertEquals(2, seen.get(), "one probe, which failed");
        assertEquals(500, get());
        assertEquals(2, seen.get(), "open again");
        assertEquals(2, stat("circuitbreaker.opened.y"));
    }

    @Test
    void onNoopA5xxIsNoFailureUnlessOptedIn() throws Exception {
        start("\"qos/circuit-breaker\": {\"name\": \"n\", \"max_errors\": 0, \"timeout\": 30}", "no-op");
        status = 502;
        for (int i = 0; i < 5; i++) assertEquals(502, get(), "the backend's answer, passed on");
        assertEquals(5, seen.get(), "KrakenD's no-op: statuses are not errors, the breaker stays closed");
        node.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        node = null;
        seen.set(0);

        start("\"qos/circuit-breaker\": {\"name\": \"n\", \"max_errors\": 0, \"timeout\": 30, "
                + "\"kgw_count_noop_5xx\": true}", "no-op");
        assertEquals(502, get());
        assertEquals(500, get(), "opted in: the 5xx tripped it");
        assertEquals(1, seen.get());
    }

    @Test
    void aTimeoutCountsAsAFailure() throws Exception {
        start("\"qos/circuit-breaker\": {\"name\": \"t\", \"max_errors\": 1, \"timeout\": 30}", "json");
        delayMs = 5_000; // past the endpoint's 3 s
        assertEquals(500, get());
        assertEquals(500, get());
        delayMs = 0;
        int before = seen.get();
        assertEquals(500, get());
        assertEquals(before, seen.get(), "two timeouts opened it");
    }

    @Test
    void proxyRateLimitLetsExactlyItsCapacityThrough() throws Exception {
        start("\"qos/ratelimit/proxy\": {\"max_rate\": 5, \"capacity\": 5, \"every\": \"1m\"}", "json");
        Map<Integer, Integer> codes = new TreeMap<>();
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (var c : calls) codes.merge(c.get(10, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        assertEquals(Map.of(200, 5, 500, 25), codes, "a backend error for the rest, as in KrakenD");
        assertEquals(5, seen.get());
    }

    @Test
    void theProxyRateLimitSitsInsideTheBreaker() throws Exception {
        start("\"qos/circuit-breaker\": {\"name\": \"s\", \"max_errors\": 1, \"timeout\": 30}, "
                + "\"qos/ratelimit/proxy\": {\"max_rate\": 1, \"every\": \"1h\"}", "json");
        assertEquals(200, get());
        assertEquals(500, get()); // limited: failure 1
        assertEquals(500, get()); // limited: failure 2, open
        assertEquals(2, stat("circuitbreaker.state.s"), "rate-limit rejections tripped the breaker");
        assertEquals(1, seen.get());
    }

    @Test
    void aCachedGetReachesTheBackendOnceInItsLifetime() throws Exception {
        cacheControl = "max-age=300";
        start("\"qos/http-cache\": {\"max_items\": 100, \"max_size\": 1048576}", "json");
        for (int i = 0; i < 50; i++) assertEquals("{\"n\":1,\"status\":200}", body());
        assertEquals(1, seen.get());
        assertEquals(49, stat("httpcache.hits.GET /api -> /x"));
    }

    @Test
    void concurrentMissesReachTheBackendOnceOnANoopEndpointToo() throws Exception {
        cacheControl = "max-age=300";
        delayMs = 300; // long enough that all hundred arrive while the first is upstream
        start("\"qos/http-cache\": {\"max_items\": 100, \"max_size\": 1048576}", "no-op");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var c : calls) {
            HttpResponse<String> r = c.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("{\"status\":200,\"n\":1}", r.body(), "the one answer, byte for byte");
            assertEquals("max-age=300", r.headers().firstValue("Cache-Control").orElse(""), "with its headers");
        }
        assertEquals(1, seen.get(), "100 concurrent misses, one upstream call");
    }
}

package dev.kgw.telemetry.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.TestExchanges;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node's stats end to end without a gateway: a real server reports to the observer, /__stats is read back. */
class StatsNodeTest {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ServiceConfig config(String metrics) throws Exception {
        Problems problems = new Problems();
        ServiceConfig c = new ConfigParser(Namespaces.builtIn().registry()).parse(mapper.readTree("""
            {"version": 3, "host": ["http://127.0.0.1:1"],
             "extra_config": {"telemetry/metrics": %s},
             "endpoints": [
               {"endpoint": "/a", "backend": [{"url_pattern": "/x"}]},
               {"endpoint": "/a", "method": "POST", "backend": [{"url_pattern": "/x"}]},
               {"endpoint": "/b/{id}", "backend": [{"url_pattern": "/y"}]}]}
            """.formatted(metrics)), problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        return c;
    }

    private NodeStats stats(ServiceConfig c) {
        return new NodeStats(vertx, c.extra().get(StatsNamespace.NAME, StatsOptions.class).orElseThrow(), c.endpoints());
    }

    /** A server that answers {@code X-Status} with "hello" and tells the observer the route in {@code X-Route}. */
    private int server(RequestObserver observer) throws Exception {
        HttpServer s = vertx.createHttpServer().requestHandler(req -> {
            String route = req.getHeader("X-Route");
            req.response().endHandler(v -> observer.onResponse(TestExchanges.of(req), route, req.response().getStatusCode(), 1234));
            req.response().setStatusCode(Integer.parseInt(req.getHeader("X-Status"))).end("hello");
        });
        return await(s.listen(0)).actualPort();
    }

    private void send(int port, String method, String route, int status) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/any"))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Route", route)
                .header("X-Status", Integer.toString(status)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode statsOf(NodeStats stats) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stats.port()
                + "/__stats")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
        return mapper.readTree(r.body());
    }

    @Test
    void routerCountsOnlyTheConfiguredEndpointsAndServesThemOnItsOwnPort() throws Exception {
        NodeStats stats = stats(config("{\"listen_address\": \"127.0.0.1:0\", \"collection_time\": \"1h\"}"));
        await(stats.start());
        int port = server(stats.router());
        for (int i = 0; i < 3; i++) send(port, "GET", "/a", 200);
        send(port, "POST", "/a", 201);
        send(port, "GET", "", 404);             // no route matched
        send(port, "GET", "/__health", 200);    // a built-in
        send(port, "OPTIONS", "/a", 200);       // the automatic OPTIONS of an endpoint's path

        JsonNode s = statsOf(stats);
        assertEquals(3, s.get("krakend.router.response./a.status.200.count").asLong());
        assertEquals(1, s.get("krakend.router.response./a.status.201.count").asLong());
        assertEquals(0, s.get("krakend.router.response./a.status").asLong(), "krakend-metrics' placeholder");
        assertEquals(4, s.get("krakend.router.response./a.size.count").asLong());
        assertEquals(5, s.get("krakend.router.response./a.size.max").asDouble(), "the body's bytes");
        assertEquals(1234, s.get("krakend.router.response./a.time.50-percentile").asDouble());
        assertEquals(0, s.get("krakend.router.response./b/{id}.time.count").asLong());
        assertEquals(4, s.get("krakend.router.connected").asLong());
        assertEquals(0, s.get("krakend.router.connected-total").asLong(), "totals move at the end of a window");
        assertTrue(s.get("cmdline").isArray());
        assertTrue(s.get("krakend.service.runtime.NumThread").asLong() > 0);
        assertTrue(s.get("krakend.service.runtime.MemStats.HeapAlloc").asLong() > 0);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) keys.add(it.next());
        assertEquals(keys.stream().sorted().toList(), keys, "sorted as expvar");
        assertTrue(keys.stream().noneMatch(k -> k.contains("__health")), keys.toString());

        String raw = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stats.port() + "/__stats/"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(raw.startsWith("{\n\"cmdline\": [") && raw.endsWith("\n}\n"), "expvar's layout: " + raw);
        assertTrue(raw.contains(",\n\"krakend.router.connected\": 4,\n"), raw);

        stats.collect();
        JsonNode next = statsOf(stats);
        assertEquals(3, next.get("krakend.router.response./a.status.200.count").asLong(), "counters keep counting");
        assertEquals(0, next.get("krakend.router.response./a.size.count").asLong(), "histograms start over");
        assertEquals(0, next.get("krakend.router.connected").asLong());
        assertEquals(4, next.get("krakend.router.connected-gauge").asLong());
        assertEquals(4, next.get("krakend.router.connected-total").asLong());
        assertEquals(4, next.get("krakend.router.disconnected-total").asLong());

        String base = "http://127.0.0.1:" + stats.port();
        assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(base + "/other")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(405, client.send(HttpRequest.newBuilder(URI.create(base + "/__stats"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        await(stats.close());
        assertEquals(-1, stats.port());
    }

    @Test
    void theCollectionTimeEndsTheWindowByItself() throws Exception {
        NodeStats stats = stats(config("{\"listen_address\": \"127.0.0.1:0\", \"collection_time\": \"20ms\"}"));
        int port = server(stats.router());
        send(port, "GET", "/a", 200);
        Histogram time = stats.registry().histogram("router.response./a.time");
        Counter total = stats.registry().counter("router.connected-total");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (time.snapshot().count != 0 || total.count() != 1) {
            assertTrue(System.nanoTime() < deadline, "the window never ended");
            Thread.sleep(5); // poll interval, bounded by the deadline
        }
        await(stats.close());
    }

    @Test
    void routerDisabledObservesNothingAndEndpointDisabledListensNowhere() throws Exception {
        NodeStats stats = stats(config("{\"router_disabled\": true, \"endpoint_disabled\": true}"));
        assertEquals(null, stats.router());
        await(stats.start());
        assertEquals(-1, stats.port());
        assertTrue(stats.registry().flatten().keySet().stream().noneMatch(k -> k.startsWith("krakend.router.response")));
        assertTrue(stats.registry().flatten().containsKey("krakend.router.connected"), "as krakend-metrics");
        await(stats.close());
    }

    @Test
    void aTakenPortIsLoggedAndTheNodeGoesOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            NodeStats stats = stats(config("{\"listen_address\": \"127.0.0.1:" + taken.getLocalPort() + "\"}"));
            await(stats.start()); // succeeds
            assertEquals(-1, stats.port());
            await(stats.close());
        }
    }
}

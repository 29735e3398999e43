package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telemetry/metrics}: what {@code /__stats} says after known traffic, on the node's own stats port. */
class StatsIT {
    static final int N = 7;
    static final String ROUTER = "krakend.router.response./user/{id}.status.200.count";
    static final String PIPE = "krakend.proxy.requests.layer.pipe.name./user/{id}.complete.true.error.false";
    static final String BACKEND = "krakend.proxy.requests.layer.backend.name./user.complete.true.error.false";

    @TempDir
    Path dir;
    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper mapper = new ObjectMapper();

    private Path config(String backend, int port, String metrics) throws IOException {
        Path file = dir.resolve("stats-" + port + ".json");
        Files.writeString(file, """
            {"version": 3, "port": %d,
             "extra_config": {"telemetry/metrics": %s},
             "endpoints": [{"endpoint": "/user/{id}", "backend": [{"host": ["%s"], "url_pattern": "/user"}]}]}
            """.formatted(port, metrics, backend));
        return file;
    }

    private void sendRequests(int port) throws Exception {
        for (int i = 0; i < N; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/user/" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__health")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * /__stats once {@code key} reached N: the router counts when a response has ended, which may be a moment
     * after the client has read it.
     */
    private JsonNode statsWhen(URI url, String key, Process node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> r = Nodes.awaitAnswer(client, url, node, 20);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode stats = mapper.readTree(r.body());
            if (stats.path(key).asLong() == N || System.nanoTime() > deadline) return stats;
            Thread.sleep(20); // poll interval, bounded by the deadline
        }
    }

    @Test
    void packagedNodeCountsEveryLayerOnItsStatsPort() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int port = Nodes.freePort();
            int statsPort = Nodes.freePort();
            Path cfg = config(backend.url(), port, "{\"listen_address\": \"127.0.0.1:" + statsPort + "\"}");
            Process node = new ProcessBuilder(Nodes.command(List.of(), "run", "-c", cfg.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
            try {
                Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), node, 30);
                sendRequests(port);
                JsonNode stats = statsWhen(URI.create("http://127.0.0.1:" + statsPort + "/__stats"), ROUTER, node);
                assertEquals(N, stats.path(ROUTER).asLong(), stats.toPrettyString());
                assertEquals(N, stats.path("krakend.router.response./user/{id}.time.count").asLong());
                assertEquals(N, stats.path(PIPE).asLong());
                assertEquals(0, stats.path(PIPE.replace("error.false", "error.true")).asLong());
                assertEquals(N, stats.path(BACKEND).asLong());
                assertEquals(N, stats.path(BACKEND.replace("requests", "latency") + ".count").asLong());
                assertTrue(stats.path(BACKEND.replace("requests", "latency") + ".max").asDouble() > 0);
                List<String> keys = new ArrayList<>();
                stats.fieldNames().forEachRemaining(keys::add);
                assertTrue(keys.stream().noneMatch(k -> k.contains("__health")), "built-ins are not endpoints");
                assertTrue(stats.path("cmdline").toString().contains(cfg.getFileName().toString()));
            } finally {
                node.destroy();
                assertTrue(node.waitFor(20, TimeUnit.SECONDS), "the node did not stop");
            }
        }
    }

    @Test
    void disabledLayersAreAbsentAndTheListenerClosesWithTheNode() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int port = Nodes.freePort();
            int statsPort = Nodes.freePort();
            Path cfg = config(backend.url(), port, "{\"listen_address\": \"127.0.0.1:" + statsPort
                    + "\", \"router_disabled\": true, \"backend_disabled\": true}");
            Gateway gateway = new Gateway(new ConfigParser(Namespaces.builtIn().registry()).load(cfg, Map.of()).config());
            gateway.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            URI url = URI.create("http://127.0.0.1:" + statsPort + "/__stats");
            try {
                sendRequests(port);
                JsonNode stats = mapper.readTree(client.send(HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertEquals(N, stats.path(PIPE).asLong(), stats.toPrettyString());
                List<String> keys = new ArrayList<>();
                stats.fieldNames().forEachRemaining(keys::add);
                assertTrue(keys.stream().noneMatch(k -> k.startsWith("krakend.router.response")), keys.toString());
                assertTrue(keys.stream().noneMatch(k -> k.contains("layer.backend")), keys.toString());
                assertTrue(keys.contains("krakend.router.connected"), "kept, at 0, as krakend-metrics does");
            } finally {
                gateway.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.discarding()), "/__stats stops with the node");
        }
    }

    @Test
    void checkReportsABadListenAddressWithItsPath() throws Exception {
        Path cfg = config("http://127.0.0.1:1", 8080, "{\"listen_address\": \"8090\", \"collection_time\": \"0s\"}");
        Process p = new ProcessBuilder(Nodes.command(List.of(), "check", "-c", cfg.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("$.extra_config[\"telemetry/metrics\"].listen_address: must be host:port"), err);
        assertTrue(err.contains("$.extra_config[\"telemetry/metrics\"].collection_time: must be at least 1ms"), err);
    }
}

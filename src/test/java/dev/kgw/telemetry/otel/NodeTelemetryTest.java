package dev.kgw.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.spi.Node;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeTelemetryTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static OtelOptions prometheus(int port, boolean process, boolean runtime) {
        return new OtelOptions("krakend", "", "", List.of(new OtelOptions.PrometheusExporter("p", "127.0.0.1", port,
                false, process, runtime)), List.of(), OtelOptions.Layers.DEFAULT, OtelOptions.DEFAULT_SKIP_PATHS, 30, 1);
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of the first sample of a series, e.g. {@code process_open_fds{...} 12}. */
    private static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(\\{[^}]*\\})? ([0-9.eE+-]+)").matcher(body);
        assertTrue(m.find(), series + " in\n" + body);
        return Double.parseDouble(m.group(2));
    }

    @Test
    void processAndRuntimeMetricsUnderPrometheusProcessCollectorNames() throws Exception {
        int port = freePort();
        try (NodeTelemetry t = new NodeTelemetry(prometheus(port, true, true), "fp", 8080, null)) {
            t.counters(List.of(new Node.Counter("ratelimit.local.decisions", "decisions", () -> 3),
                    new Node.Counter("circuitbreaker.state", "state", Map.of("backend", "a"), true, () -> 2),
                    new Node.Counter("circuitbreaker.state", "state", Map.of("backend", "b"), true, () -> 0)));
            String body = scrape(port);
            assertTrue(value(body, "process_cpu_seconds_total") > 0);
            assertTrue(value(body, "process_resident_memory_bytes") > 1 << 20, "at least a megabyte resident");
            assertTrue(value(body, "process_open_fds") > 0);
            assertTrue(value(body, "process_start_time_seconds") > 1.7e9);
            assertTrue(value(body, "jvm_memory_used_bytes") > 0);
            assertTrue(value(body, "jvm_thread_count") > 1);
            assertTrue(body.contains("jvm_memory_type=\"heap\""), body);
            assertTrue(value(body, "kgw_ratelimit_local_decisions_total") == 3);
            assertTrue(body.matches("(?s).*kgw_circuitbreaker_state\\{[^}]*backend=\"a\"[^}]*\\} 2(\\.0)?\n.*"), body);
            assertTrue(body.matches("(?s).*kgw_circuitbreaker_state\\{[^}]*backend=\"b\"[^}]*\\} 0(\\.0)?\n.*"), "a gauge per label set: " + body);
            assertTrue(body.contains("service_instance_id=\""), "every series says which node: " + body);
        }
    }

    @Test
    void offUnlessAsked() throws Exception {
        int port = freePort();
        try (NodeTelemetry t = new NodeTelemetry(prometheus(port, false, false), "fp", 8080, null)) {
            String body = scrape(port);
            for (String name : Set.of("process_cpu_seconds_total", "jvm_memory_used_bytes")) {
                assertFalse(body.contains(name), name);
            }
            assertTrue(body.contains("kgw_config{fingerprint=\"fp\""), body);
        }
    }
}

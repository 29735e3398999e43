package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every buffer the node takes from Netty is released: a short run of every response kind under Netty's paranoid
 * leak detector (which tracks every buffer), forced garbage collections, then no {@code LEAK:} report.
 */
class LeakIT {
    @TempDir
    Path dir;

    @Test
    void noNettyLeakReportsUnderParanoidDetection() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int port = Nodes.freePort();
            String b = backend.url();
            Path cfg = dir.resolve("leak.json");
            Files.writeString(cfg, """
                {"version": 3, "port": %d, "timeout": "2s",
                 "endpoints": [
                  {"endpoint": "/json", "backend": [{"host": ["%s"], "url_pattern": "/user"}]},
                  {"endpoint": "/merge", "backend": [{"host": ["%s"], "url_pattern": "/user", "group": "u"},
                                                    {"host": ["%s"], "url_pattern": "/teapot", "group": "t"}]},
                  {"endpoint": "/noop", "method": "POST", "output_encoding": "no-op",
                   "backend": [{"host": ["%s"], "url_pattern": "/noop"}]},
                  {"endpoint": "/slow", "timeout": "100ms", "backend": [{"host": ["%s"], "url_pattern": "/slow"}]}
                 ]}
                """.formatted(port, b, b, b, b, b));
            Path log = dir.resolve("node.log");
            Process node = new ProcessBuilder(Nodes.command(List.of("-Dio.netty.leakDetection.level=paranoid",
                    "-Dio.netty.leakDetection.targetRecords=4"), "run", "-c", cfg.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), node, 30);
                for (int round = 0; round < 3; round++) {
                    traffic(client, port, 150);
                    assertEquals(0, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            Long.toString(node.pid()), "GC.run")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
                }
                traffic(client, port, 50); // leaks are reported on allocations after the collection found them
            } finally {
                node.destroy();
                assertTrue(node.waitFor(20, TimeUnit.SECONDS));
            }
            String out = Files.readString(log);
            assertTrue(out.contains("listening on port"), out);
            assertFalse(out.contains("LEAK:"), out);
        }
    }

    private static void traffic(HttpClient client, int port, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            for (String path : List.of("/json", "/merge", "/slow")) {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/noop"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(i))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

}

package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener of the packaged node as a process, against real sockets: binding, and what it refuses. */
class ListenerIT {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process node;

    @AfterEach
    void stop() {
        if (node != null) node.destroyForcibly();
    }

    /** KrakenD refuses a port in use; a second node must not start and share the traffic with the first. */
    @Test
    void aSecondNodeOnAPortInUseExitsWithAddressAlreadyInUse() throws Exception {
        int port = Nodes.freePort();
        Path cfg = config(port, "");
        node = start(cfg, "a.log");
        assertEquals(200, health(port));

        Path bLog = dir.resolve("b.log");
        Process b = new ProcessBuilder(Nodes.command(List.of(), "run", "-c", cfg.toString()))
                .redirectErrorStream(true).redirectOutput(bLog.toFile()).start();
        try {
            assertTrue(b.waitFor(30, TimeUnit.SECONDS), "the second node kept running on a port in use");
        } finally {
            b.destroyForcibly();
        }
        String out = Files.readString(bLog);
        assertEquals(1, b.exitValue(), out);
        assertTrue(out.contains(":" + port + ": bind: address already in use"), out);
        for (int i = 0; i < 20; i++) assertEquals(200, health(port), "the first node still serves");
        assertTrue(node.isAlive());
    }

    private int health(int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** @param rootExtra more root members, with a leading comma */
    private Path config(int port, String rootExtra) throws Exception {
        Path p = dir.resolve("krakend.json");
        Files.writeString(p, """
            {"version": 3, "port": %d%s,
             "endpoints": [{"endpoint": "/ping", "backend": [{"host": ["http://127.0.0.1:%d"],
                                                             "url_pattern": "/__health"}]}]}
            """.formatted(port, rootExtra, port));
        return p;
    }

    private Process start(Path cfg, String log) throws Exception {
        Process p = new ProcessBuilder(Nodes.command(List.of("-XX:+UseSerialGC", "-Xmx64m"), "run", "-c",
                cfg.toString())).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
        int port = Integer.parseInt(Files.readString(cfg).replaceAll("(?s).*\"port\": (\\d+).*", "$1"));
        Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), p, 30);
        return p;
    }
}

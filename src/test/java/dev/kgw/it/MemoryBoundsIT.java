package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies too large for the node, sent to the packaged node with the launcher's heap and its stop on
 * out-of-memory: each gets a clear refusal, and the node stays up for everyone else.
 */
class MemoryBoundsIT {
    static RawBackend backend;
    static Process node;
    static int port;
    /** The heap flags of bin/krakend: the bounds' defaults are sized for them. */
    static final List<String> LAUNCHER_HEAP = List.of("-XX:+UseSerialGC", "-Xms24m", "-Xmx128m", "-Xmn16m",
            "-XX:MaxDirectMemorySize=32m", "-XX:+ExitOnOutOfMemoryError");
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        backend = new RawBackend();
        port = Nodes.freePort();
        String b = backend.url();
        String big = "{\"host\": [\"" + b + "\"], \"url_pattern\": \"/big?n=3000000\", \"group\": \"g%d\"}";
        node = Nodes.runNode(LAUNCHER_HEAP, """
            {"version": 3, "port": %d, "timeout": "10s",
             "endpoints": [
              {"endpoint": "/post", "method": "POST", "backend": [{"host": ["%s"], "url_pattern": "/ok"}]},
              {"endpoint": "/small", "method": "POST", "extra_config": {"proxy": {"max_payload": 1024}},
               "backend": [{"host": ["%s"], "url_pattern": "/ok"}]},
              {"endpoint": "/stream", "method": "POST", "output_encoding": "no-op",
               "backend": [{"host": ["%s"], "url_pattern": "/ok", "encoding": "no-op"}]},
              {"endpoint": "/huge", "backend": [{"host": ["%s"], "url_pattern": "/big?n=20000000"}]},
              {"endpoint": "/four", "backend": [%s, %s, %s, %s]},
              {"endpoint": "/ok", "backend": [{"host": ["%s"], "url_pattern": "/ok"}]}
             ]}
            """.formatted(port, b, b, b, b, big.formatted(1), big.formatted(2), big.formatted(3), big.formatted(4), b), port);
    }

    @AfterAll
    static void stop() throws Exception {
        Nodes.stopNode(node);
        backend.close();
    }

    @Test
    void aDeclaredBodyPastTheBoundIs413BeforeItIsSent() throws Exception {
        // only the head and 1 KB of a declared 30 MB are ever sent: the answer must not wait for the rest
        String head = "POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + (30 << 20) + "\r\n\r\n{\"a\":\"" + "x".repeat(1024);
        assertTrue(exchange(head, 0).startsWith("HTTP/1.1 413"));
        assertAlive();
    }

    @Test
    void aChunkedBodyGrowingPastTheBoundIs413() throws Exception {
        String head = "POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        assertTrue(exchange(head, 30 << 20).startsWith("HTTP/1.1 413"));
        assertAlive();
    }

    @Test
    void theEndpointsOwnMaxPayloadIsTheSmallerBound() throws Exception {
        assertEquals(413, post("/small", 2048));
        assertEquals(200, post("/small", 512));
        assertEquals(200, post("/post", 1 << 20));
    }

    @Test
    void aNoopStreamGrowingPastTheBoundIsCut() throws Exception {
        String head = "POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        String answer = exchange(head, 30 << 20);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 413"), answer);
        assertAlive();
    }

    @Test
    void aBackendAnswerPastItsBoundIsABackendError() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/huge")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode());
        assertAlive();
    }

    @Test
    void aCrowdOfLargeAnswersGetsRefusalsNotAnOutOfMemoryStop() throws Exception {
        // 16 clients × 4 backends × 3 MB = 192 MB of answers to decode, merge and render against a 128 MB heap
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            all.add(pool.submit(() -> {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/four")).build(),
                        HttpResponse.BodyHandlers.discarding());
                statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : all) f.get(60, TimeUnit.SECONDS); // a refused connection or a reset fails here
        pool.shutdown();
        assertTrue(node.isAlive(), "the node stopped: " + statuses);
        // a backend refused for want of memory is a backend error: partial 200s, or 500 when all four were
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 500), "answers: " + statuses);
        assertTrue(statuses.containsKey(200), "the node served none of them: " + statuses);
        assertAlive();
    }

    private static void assertAlive() throws Exception {
        assertTrue(node.isAlive(), "the node died");
        assertEquals(200, client.send(HttpRequest.newBuilder(uri("/ok")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static int post(String path, int bytes) throws Exception {
        String body = "{\"a\":\"" + "x".repeat(Math.max(0, bytes - 8)) + "\"}";
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    /**
     * Writes {@code head}, then {@code chunked} bytes as 64 KB chunks (stopping when the node closes), and returns
     * the status line the node answered ("" when it closed without one).
     */
    private static String exchange(String head, int chunked) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (int sent = 0; sent < chunked; sent += 0x10000) out.write(chunk);
                if (chunked > 0) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedByTheNode) {
                // expected: it answered and closed before taking the whole body
            }
            InputStream in = s.getInputStream();
            try {
                byte[] line = in.readNBytes(12);
                return new String(line, StandardCharsets.ISO_8859_1);
            } catch (IOException reset) {
                return "";
            }
        }
    }
}

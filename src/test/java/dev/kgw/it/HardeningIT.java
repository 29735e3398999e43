package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an anonymous client can send through the packaged node to a backend, checked on the backend's own socket:
 * no request line it was not meant to read, no path it was not written for, no connection left poisoned.
 */
class HardeningIT {
    static RawBackend backend;
    static Process node;
    static int port;
    static int downPort;
    static java.nio.file.Path log;

    @BeforeAll
    static void start() throws Exception {
        backend = new RawBackend();
        port = Nodes.freePort();
        String b = backend.url();
        downPort = Nodes.freePort();
        log = java.nio.file.Files.createTempFile("kgw-hardening", ".log");
        node = Nodes.runNode(List.of(), """
            {"version": 3, "port": %d, "timeout": "2s",
             "endpoints": [
              {"endpoint": "/users/{id}", "backend": [{"host": ["%s"], "url_pattern": "/u/{id}"}]},
              {"endpoint": "/q/{id}", "backend": [{"host": ["%s"], "url_pattern": "/q?id={id}"}]},
              {"endpoint": "/files/{name}", "backend": [{"host": ["%s"], "url_pattern": "/item/{name}"}]},
              {"endpoint": "/files/{name}/meta", "backend": [{"host": ["%s"], "url_pattern": "/item/{name}/meta"}]},
              {"endpoint": "/hang", "timeout": "300ms", "backend": [{"host": ["%s"], "url_pattern": "/hang"}]},
              {"endpoint": "/endless", "timeout": "500ms", "output_encoding": "no-op",
               "backend": [{"host": ["%s"], "url_pattern": "/endless", "encoding": "no-op"}]},
              {"endpoint": "/down", "backend": [{"host": ["http://127.0.0.1:%d"], "url_pattern": "/x"}]}
             ]}
            """.formatted(port, b, b, b, b, b, b, downPort), port, log);
    }

    @AfterAll
    static void stop() throws Exception {
        Nodes.stopNode(node);
        backend.close();
    }

    @BeforeEach
    void forget() { backend.requestLines.clear(); }

    @Test
    void paramsReachTheBackendEscapedAsKrakendSendsThem() throws Exception {
        assertEquals(200, status("/users/a%20b"));
        assertEquals(200, status("/users/%C3%A9"));
        assertEquals(200, status("/users/%22x%22"));
        assertEquals(200, status("/q/a%20b"));
        assertEquals(List.of("GET /u/a%20b HTTP/1.1", "GET /u/%C3%A9 HTTP/1.1", "GET /u/%22x%22 HTTP/1.1",
                "GET /q?id=a%20b HTTP/1.1"), backend.requestLines);
    }

    @Test
    void controlBytesInParamsAre400AndNeverReachTheBackend() throws Exception {
        for (String bad : new String[] {"%0A", "%0D", "a%0D%0AX-Injected:%201", "%00", "%7F", "%09"}) {
            assertEquals(400, status("/users/" + bad), bad);
            assertEquals(400, status("/q/" + bad), bad);
        }
        assertEquals(List.of(), backend.requestLines);
    }

    @Test
    void aBrokenParamNeverSlowsTheNextRequestsToThatBackend() throws Exception {
        // before: a raw space or CR/LF wedged the pooled connection and every later call waited for the timeout
        for (String bad : new String[] {"a%20b", "%0A", "%0D"}) {
            status("/users/" + bad);
            long start = System.nanoTime();
            assertEquals(200, status("/users/7"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 1000, "a request after /users/" + bad + " took " + ms + " ms");
        }
    }

    @Test
    void aConnectionTheGatewayGaveUpOnIsNotReused() throws Exception {
        assertEquals(500, status("/hang"));
        int before = backend.connections.get();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) assertEquals(200, status("/users/" + i));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1000, "five calls after a timed-out one took " + ms + " ms");
        assertTrue(backend.connections.get() > before, "the calls after it did not reuse the abandoned connection");
    }

    @Test
    void encodedSlashesAndDotsCannotLeaveTheParamsSegment() throws Exception {
        for (String attack : new String[] {"/files/..%2f..%2fadmin/meta", "/files/..%2F..%2Fadmin", "/files/a%2Fb",
                "/files/%2e%2e", "/files/%2E%2E/meta", "/files/.%2e/meta", "/files/%2e", "/files/..", "/files/../meta"}) {
            int s = status(attack);
            assertTrue(s == 404 || s == 301 || s == 307 || s == 400, attack + " answered " + s);
        }
        for (String line : backend.requestLines) {
            assertFalse(line.contains("..") || line.contains("%2") || line.contains("admin"), line);
        }
        assertEquals(400, status("/files/%zz"), "a broken escape is refused as Go's server refuses it");
        assertEquals(200, status("/files/a.b"));
        assertEquals(200, status("/files/...")); // not a dot segment
    }

    @Test
    void anEndlessNoopStreamIsCutAtTheEndpointTimeout() throws Exception {
        int cutBefore = backend.endlessCut.get();
        long start = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /endless HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            assertTrue(new String(in.readNBytes(12), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            long bytes = 0;
            byte[] buf = new byte[65536];
            String tail = "";
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                    tail = (tail + new String(buf, Math.max(0, n - 8), Math.min(n, 8), StandardCharsets.ISO_8859_1));
                    tail = tail.substring(Math.max(0, tail.length() - 8));
                }
            } catch (IOException reset) {
                // the node resets the stream it cut
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 3000, "the stream ran " + ms + " ms past a 500 ms timeout");
            assertTrue(bytes > 0, "some of the body streamed before the cut");
            // a cut body must not look complete: no last chunk, so the client knows it lost the rest
            assertFalse(tail.endsWith("\r\n0\r\n\r\n") || tail.equals("0\r\n\r\n"),
                    "the cut stream ended like a complete chunked body");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (backend.endlessCut.get() == cutBefore && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(cutBefore + 1, backend.endlessCut.get(), "the upstream connection was closed too");
    }

    @Test
    void aFailingBackendIsLoggedOnceWithItsEndpointAndUrlNotOncePerRequest() throws Exception {
        for (int i = 0; i < 5; i++) assertEquals(500, status("/down"));
        String expected = "WARNING: [ENDPOINT: GET /down] Get \"http://127.0.0.1:" + downPort + "/x\": ";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> lines;
        do {
            lines = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains("/down")
                    && !l.contains("[GIN]")).toList();
            if (lines.isEmpty()) Thread.sleep(20); // poll interval, bounded by the deadline
        } while (lines.isEmpty() && System.nanoTime() < deadline);
        assertEquals(1, lines.size(), "one line for five failures: " + lines);
        assertTrue(lines.get(0).contains(expected), lines.get(0));
    }

    /** One GET over a fresh socket with the target exactly as given (no client-side normalisation). */
    private static int status(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.ISO_8859_1);
            assertTrue(line.startsWith("HTTP/1.1 "), "no HTTP answer to " + target + ": " + line);
            in.readAllBytes();
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}

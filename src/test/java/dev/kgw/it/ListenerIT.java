package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * {@code router.max_connections} 50: 50 connections that never send a byte are held; the next 10 are closed at
     * once; the node stays up, counts them (in {@code /__stats}, in OpenTelemetry, in one log line), and serves a
     * normal client as soon as a held connection goes.
     */
    @Test
    void pastMaxConnectionsNewConnectionsAreClosedAtOnce() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "\"read_header_timeout\": \"60s\"", "\"max_connections\": 50");
            List<RawHttp> held = new ArrayList<>();
            try {
                long already = n.stat("server.connections.open"); // the test's own HTTP client
                for (int i = 0; i < 50 - already; i++) held.add(new RawHttp(n.port, 5000));
                awaitTrue(() -> n.stat("server.connections.open") == 50, "50 connections open: " + n.stats());
                for (int i = 0; i < 10; i++) {
                    long t0 = System.nanoTime();
                    try (RawHttp extra = new RawHttp(n.port, 5000)) {
                        assertTrue(extra.closedByPeer(), "connection 51+" + i + " is closed by the node");
                    }
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(ms < 1000, "closed at once, not after " + ms + " ms");
                }
                assertEquals(10, n.stat("server.connections.refused"), n.stats());
                assertEquals(10.0, n.metric("kgw_server_connections_refused_total", "max_connections"));
                for (int i = 0; i < 5; i++) held.remove(0).close();
                awaitTrue(() -> n.stat("server.connections.open") <= 45, "the node saw 5 connections go");
                try (RawHttp normal = new RawHttp(n.port, 5000)) {
                    assertEquals(200, normal.exchange(RawHttp.get("/ping")).status(), "a normal client is served");
                }
                assertTrue(n.process.isAlive());
                assertEquals(1, n.logLines("refusing connections: 50 open, the router's max_connections"),
                        "one log line for ten refusals:\n" + n.log());
            } finally {
                for (RawHttp c : held) c.close();
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * {@code router.max_in_flight} 20, a backend that takes 500 ms: of 60 requests sent at once on their own
     * connections, 20 are served and 40 answered 503 well before the backend could have answered; then a normal
     * client is served and nothing is left in flight.
     */
    @Test
    void pastMaxInFlightRequestsGetA503AtOnce() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "\"timeout\": \"5s\"", "\"max_in_flight\": 20");
            List<RawHttp> conns = new ArrayList<>();
            try {
                assertEquals(200, n.get("/slow"), "warm-up");
                for (int i = 0; i < 60; i++) conns.add(new RawHttp(n.port, 10_000));
                long t0 = System.nanoTime();
                for (RawHttp c : conns) c.send(RawHttp.get("/slow"));
                int ok = 0;
                int refused = 0;
                for (int i = conns.size() - 1; i >= 0; i--) { // the last ones sent are the refused ones
                    RawHttp.Response r = conns.get(i).read();
                    if (r.status() == 200) {
                        ok++;
                    } else {
                        assertEquals(503, r.status(), r.body());
                        assertEquals("503 Service Unavailable: too many requests in flight", r.body());
                        assertTrue(r.closes());
                        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                        if (refused == 0) assertTrue(ms < 400, "a fast 503, not after " + ms + " ms");
                        refused++;
                    }
                }
                assertEquals(20, ok);
                assertEquals(40, refused);
                assertEquals(40, n.stat("server.requests.refused"), n.stats());
                assertEquals(40.0, n.metric("kgw_server_requests_refused_total", "max_in_flight"));
                assertEquals(200, n.get("/ping"), "a normal client is served");
                awaitTrue(() -> n.stat("server.requests.in-flight") == 0, "nothing left in flight: " + n.stats());
            } finally {
                for (RawHttp c : conns) c.close();
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * {@code read_header_timeout} 1 s and {@code read_timeout} 3 s: 20 clients trickling a head in a byte every
     * 100 ms, and one that never sends a byte, are closed about a second after they connected; one trickling a body
     * 3 s after its head; a normal client is served all along.
     */
    @Test
    void slowHeadsAndBodiesAreClosedByTheirTimeouts() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "\"read_header_timeout\": \"1s\", \"read_timeout\": \"3s\"", "");
            List<Thread> clients = new ArrayList<>();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            String head = "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n";
            try {
                for (int i = 0; i < 20; i++) clients.add(trickle(n.port, "", head, 900, 2500, wrong));
                clients.add(trickle(n.port, "", "", 900, 2500, wrong)); // silent
                clients.add(trickle(n.port, "POST /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n",
                        "x".repeat(500), 2900, 4500, wrong));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < deadline) assertEquals(200, n.get("/ping"), "a normal client is served");
                for (Thread t : clients) t.join(10_000);
                assertEquals(List.of(), new ArrayList<>(wrong));
                assertEquals(22, n.stat("server.read-timeouts"), n.stats());
                assertTrue(n.process.isAlive());
            } finally {
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * A client that sends {@code prefix} at once, then {@code slowly} a byte every 100 ms: the node must close it
     * between {@code minMs} and {@code maxMs} after it connected.
     */
    private static Thread trickle(int port, String prefix, String slowly, long minMs, long maxMs,
                                  ConcurrentLinkedQueue<String> wrong) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try (RawHttp c = new RawHttp(port, 100)) {
                c.send(prefix);
                for (int i = 0; ; i++) {
                    if (c.closedByPeer()) break; // waits up to 100 ms
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    if (ms > maxMs) {
                        wrong.add("still open after " + ms + " ms");
                        return;
                    }
                    if (i < slowly.length()) c.send(slowly.substring(i, i + 1));
                }
            } catch (IOException e) {
                // a write to a closed connection: closed too
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (ms < minMs) wrong.add("closed after only " + ms + " ms");
        });
        t.start();
        return t;
    }

    /**
     * {@code write_timeout} 1 s: a request whose backend takes 2.5 s loses its answer and its connection at the
     * write deadline, as with Go's; a fast one is answered. Counted, and the node serves on. (With 200 ms a cold
     * node's first answer on a busy CI machine missed the deadline too.)
     */
    @Test
    void aResponseLateForWriteTimeoutLosesItsConnection() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            // a deadline wide enough that a cold node's first answers fit in it, on a loaded machine too
            Node n = start(backend, "\"write_timeout\": \"1s\", \"timeout\": \"5s\"", "");
            try {
                for (int i = 0; i < 20; i++) assertEquals(200, n.get("/ping"), "warm-up");
                try (RawHttp c = new RawHttp(n.port, 5000)) {
                    assertEquals(200, c.exchange(RawHttp.get("/ping")).status(), "a fast answer is written in time");
                    long t0 = System.nanoTime();
                    c.send(RawHttp.get("/slower"));
                    assertTrue(c.closedByPeer(), "closed, no answer");
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(ms >= 900 && ms < 2400, "closed after " + ms + " ms, before the backend answered");
                }
                assertEquals(1, n.stat("server.write-timeouts"), n.stats());
                assertEquals(200, n.get("/ping"));
            } finally {
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * {@code idle_timeout} 300 ms: a backend that takes 500 ms is waited for (the connection is busy, not idle:
     * Vert.x's idle timer would have cut it), and the connection is closed about 300 ms after its last answer. With
     * only {@code read_timeout} set, that is the idle timeout, as in Go.
     */
    @Test
    void idleTimeoutClosesUnusedKeepAliveConnectionsOnlyBetweenRequests() throws Exception {
        for (String timeouts : List.of("\"idle_timeout\": \"300ms\"", "\"read_timeout\": \"300ms\"")) {
            try (TestBackend backend = new TestBackend()) {
                Node n = start(backend, timeouts + ", \"timeout\": \"5s\"", "");
                try (RawHttp c = new RawHttp(n.port, 3000)) {
                    RawHttp.Response slow = c.exchange(RawHttp.get("/slow"));
                    assertEquals(200, slow.status(), timeouts);
                    assertTrue(!slow.closes(), "kept alive");
                    assertEquals(200, c.exchange(RawHttp.get("/ping")).status(), "reused at once");
                    long t0 = System.nanoTime();
                    assertTrue(c.closedByPeer(), "the unused connection is closed");
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(ms >= 200 && ms < 2000, timeouts + ": closed " + ms + " ms after its last answer");
                } finally {
                    n.process.destroyForcibly();
                }
            }
        }
    }

    /**
     * The default bounds under the launcher's 64 MB heap: 3,000 requests at once to a backend that takes 500 ms, on
     * as many connections, then 6,000 connections that never send a byte. The node stays up; the first are served,
     * refused with 503 or closed at once; the idle ones are closed, at once past the connection bound and the rest
     * by the head timeout; then a normal client is served.
     */
    @Test
    void theDefaultBoundsHoldAFloodInTheLaunchersHeap() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "\"read_header_timeout\": \"3s\", \"timeout\": \"20s\"", "");
            List<RawHttp> conns = new ArrayList<>();
            try {
                for (int i = 0; i < 3000; i++) {
                    RawHttp c = new RawHttp(n.port, 20_000);
                    conns.add(c);
                    try {
                        c.send(RawHttp.get("/slow"));
                    } catch (IOException closedAlready) {
                        // past max_connections
                    }
                }
                java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
                for (RawHttp c : conns) {
                    String outcome;
                    try {
                        outcome = Integer.toString(c.read().status());
                    } catch (IOException e) {
                        outcome = "closed";
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    c.close();
                }
                conns.clear();
                System.out.println("3,000 requests at once with the default bounds: " + outcomes);
                assertTrue(outcomes.keySet().stream().allMatch(java.util.Set.of("200", "503", "closed")::contains),
                        outcomes.toString());
                assertTrue(outcomes.getOrDefault("200", 0) >= 1000, outcomes.toString());
                assertTrue(outcomes.getOrDefault("503", 0) > 0 && outcomes.getOrDefault("closed", 0) > 0,
                        "both bounds were reached: " + outcomes);
                assertTrue(n.process.isAlive());

                for (int i = 0; i < 6000; i++) conns.add(new RawHttp(n.port, 5000));
                // a connect returns once the kernel queued it: the node accepts (and refuses) them a little later
                awaitTrue(() -> n.stat("server.connections.refused") >= 6000 - 2048,
                        "refused: " + n.stat("server.connections.refused"));
                awaitTrue(() -> n.stat("server.connections.open") <= 1, "the idle ones closed: " + n.stats());
                try (RawHttp normal = new RawHttp(n.port, 5000)) {
                    assertEquals(200, normal.exchange(RawHttp.get("/ping")).status(), "a normal client is served");
                }
                assertTrue(n.process.isAlive(), n.log());
            } finally {
                for (RawHttp c : conns) c.close();
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * With {@code use_h2c} a client may upgrade a connection to HTTP/2; the HTTP/1 head timeout must not follow it
     * there: requests on the upgraded connection past {@code read_header_timeout} are not cut.
     */
    @Test
    void anH2cUpgradedConnectionIsNotTimedOutAsHttp1() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "\"read_header_timeout\": \"1s\", \"use_h2c\": true", "");
            try {
                HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
                int requests = 0;
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> r = h2c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port
                            + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode());
                    if (requests++ > 0) assertEquals(HttpClient.Version.HTTP_2, r.version(), "upgraded");
                    Thread.sleep(100); // a request every 100 ms on the one connection, for longer than the timeout
                }
                assertEquals(0, n.stat("server.read-timeouts"), n.stats());
                assertEquals(2, n.stat("server.connections.open"), "the test client's HTTP/1 connection and one "
                        + "for all the h2c requests: " + n.stats());
            } finally {
                n.process.destroyForcibly();
            }
        }
    }

    /** RFC 9112: HTTP/1.1 needs exactly one Host (400 otherwise, as Go's server says it); HTTP/1.0 may have none. */
    @Test
    void http11WithoutExactlyOneHostIs400() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Node n = start(backend, "", "");
            try {
                try (RawHttp c = new RawHttp(n.port, 5000)) {
                    RawHttp.Response r = c.exchange("GET /ping HTTP/1.1\r\n\r\n");
                    assertEquals(400, r.status());
                    assertEquals("400 Bad Request: missing required Host header", r.body());
                    assertTrue(r.closes() && c.closedByPeer());
                }
                try (RawHttp c = new RawHttp(n.port, 5000)) {
                    RawHttp.Response r = c.exchange("GET /ping HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n");
                    assertEquals(400, r.status());
                    assertEquals("400 Bad Request: too many Host headers", r.body());
                    assertTrue(r.closes() && c.closedByPeer());
                }
                try (RawHttp c = new RawHttp(n.port, 5000)) {
                    assertEquals(200, c.exchange("GET /ping HTTP/1.0\r\n\r\n").status(), "HTTP/1.0 without Host");
                }
                try (RawHttp c = new RawHttp(n.port, 5000)) {
                    RawHttp.Response r = c.exchange(RawHttp.get("/ping"));
                    assertEquals(200, r.status());
                    assertEquals(200, c.exchange(RawHttp.get("/ping")).status(), "keep-alive as before");
                }
                assertEquals(2, n.stat("server.requests.bad"), n.stats());
            } finally {
                n.process.destroyForcibly();
            }
        }
    }

    private int health(int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A node process with /__stats and a Prometheus exporter, and what the tests read from it. */
    private final class Node {
        final Process process;
        final int port;
        final int statsPort;
        final int metricsPort;
        final Path log;

        Node(Process process, int port, int statsPort, int metricsPort, Path log) {
            this.process = process;
            this.port = port;
            this.statsPort = statsPort;
            this.metricsPort = metricsPort;
            this.log = log;
        }

        int get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String stats() {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/__stats"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                return "";
            }
        }

        long stat(String name) {
            Matcher m = Pattern.compile("\"krakend\\." + Pattern.quote(name) + "\": (\\d+)").matcher(stats());
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** The value of a Prometheus series with this {@code reason}. */
        double metric(String series, String reason) throws Exception {
            String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + series + "\\{[^}]*reason=\"" + reason + "\"[^}]*\\} (\\S+)")
                    .matcher(body);
            assertTrue(m.find(), series + " " + reason + " in\n" + body);
            return Double.parseDouble(m.group(1));
        }

        String log() throws IOException { return Files.readString(log); }

        long logLines(String text) throws IOException { return log().lines().filter(l -> l.contains(text)).count(); }
    }

    /** A node in front of {@code backend} (/ping, /slow) with these root members and router options. */
    private Node start(TestBackend backend, String rootExtra, String routerExtra) throws Exception {
        int port = Nodes.freePort();
        int statsPort = Nodes.freePort();
        int metricsPort = Nodes.freePort();
        Path cfg = dir.resolve("node-" + port + ".json");
        Files.writeString(cfg, """
            {"version": 3, "port": %d%s,
             "extra_config": {
               "router": {"disable_access_log": true%s},
               "telemetry/metrics": {"listen_address": "127.0.0.1:%d"},
               "telemetry/opentelemetry": {"exporters": {"prometheus": [{"port": %d, "listen_ip": "127.0.0.1"}]}}},
             "endpoints": [
               {"endpoint": "/ping", "method": "GET", "backend": [{"host": ["%s"], "url_pattern": "/user"}]},
               {"endpoint": "/ping", "method": "POST", "backend": [{"host": ["%s"], "url_pattern": "/user"}]},
               {"endpoint": "/slow", "backend": [{"host": ["%s"], "url_pattern": "/slow"}]},
               {"endpoint": "/slower", "backend": [{"host": ["%s"], "url_pattern": "/slower"}]}]}
            """.formatted(port, rootExtra.isEmpty() ? "" : ", " + rootExtra,
                routerExtra.isEmpty() ? "" : ", " + routerExtra, statsPort, metricsPort, backend.url(),
                backend.url(), backend.url(), backend.url()));
        Path log = dir.resolve("node-" + port + ".log");
        Process p = new ProcessBuilder(Nodes.command(List.of("-XX:+UseSerialGC", "-Xmx64m"), "run", "-c",
                cfg.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), p, 30);
        return new Node(p, port, statsPort, metricsPort, log);
    }

    private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(message);
            Thread.sleep(20); // poll interval, bounded by the deadline
        }
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

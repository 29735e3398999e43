package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM under load, straight to the node (no balancer to hide anything): 64 keep-alive connections sending
 * back to back through an endpoint whose backend takes 30 ms, plus keep-alive connections that were used once and
 * sit idle across the SIGTERM. No request may be lost; every response to a request sent once a client has seen a
 * {@code Connection: close} (so surely after the drain began) must carry {@code Connection: close} too; every
 * connection must end with such a response, closed by the node after it; and a connection left idle across the
 * SIGTERM must still get its answer when it is used again.
 * <p>
 * With a {@code drain_delay} the clients act as a balancer does: a connection told to close is replaced by a new
 * one until {@code /__health} has said 503 (a balancer stops there); without one the listener closes at once, so a
 * connection told to close is not replaced.
 */
class DrainIT {
    private static final int CONNECTIONS = 64;
    private static final int IDLE = 8;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "drain_delay {0}")
    @ValueSource(strings = {"0s", "1s"})
    void sigtermUnderKeepAliveLoadLosesNoRequestAndClosesEveryConnection(String drainDelay) throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int port = Nodes.freePort();
            Path cfg = dir.resolve("krakend.json");
            Files.writeString(cfg, """
                {"version": 3, "port": %d, "max_shutdown_wait_time": "10s",
                 "extra_config": {"kgw/lifecycle": {"drain_delay": "%s"}, "router": {"disable_access_log": true}},
                 "endpoints": [{"endpoint": "/ping", "backend": [{"host": ["%s"], "url_pattern": "/work"}]}]}
                """.formatted(port, drainDelay, backend.url()));
            Process node = new ProcessBuilder(Nodes.command(List.of("-XX:+UseSerialGC", "-Xmx64m"), "run", "-c",
                    cfg.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
            NodeOutput out = new NodeOutput(dir.resolve("node.log"));
            try {
                Nodes.awaitAnswer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/__health"),
                        node, 30);
                List<RawHttp> idle = new ArrayList<>();
                for (int i = 0; i < IDLE; i++) {
                    RawHttp c = new RawHttp(port, 10_000);
                    RawHttp.Response r = c.exchange(RawHttp.get("/ping"));
                    assertEquals(200, r.status());
                    assertTrue(!r.closes(), "keep-alive before the SIGTERM");
                    idle.add(c);
                }
                Load load = new Load(port, !drainDelay.equals("0s"));
                load.start();
                awaitTrue(() -> load.ok.get() > 1000, 30, "the load did not get going");

                node.destroy(); // SIGTERM
                awaitTrue(() -> out.stopping.get() != 0, 10, "the node never said it is stopping");
                // idle across the SIGTERM, then used: the balancer's race; it must get its answer, and be told to go
                long reuseAt = out.stopping.get() + TimeUnit.MILLISECONDS.toNanos(200);
                while (System.nanoTime() < reuseAt) Thread.onSpinWait();
                for (RawHttp c : idle) {
                    RawHttp.Response r;
                    try {
                        r = c.exchange(RawHttp.get("/ping"));
                    } catch (IOException e) {
                        throw new AssertionError("a connection idle across the SIGTERM lost its request", e);
                    }
                    assertEquals(200, r.status(), r.body());
                    assertTrue(r.closes(), "an idle connection used after the SIGTERM is told to close");
                    assertTrue(c.closedByPeer(), "and the node closes it after that response");
                    c.close();
                }
                load.join();
                assertTrue(node.waitFor(20, TimeUnit.SECONDS), "the node did not stop");
                assertEquals(0, node.exitValue(), out.toString());
                System.out.printf("drain_delay %s: %d requests, %d sent after a client saw Connection: close "
                        + "(all answered with it), %d failed, %d of %d connections closed after a Connection: close%n",
                        drainDelay, load.ok.get(), load.afterClose.get(), load.failures.size(),
                        load.closedGracefully.get(), load.opened.get());
                assertEquals(List.of(), new ArrayList<>(load.failures), "lost requests");
                assertEquals(List.of(), new ArrayList<>(load.keptAlive), "responses without Connection: close to "
                        + "requests sent after a client saw one");
                assertEquals(load.opened.get(), load.closedGracefully.get(), "connections that ended with a "
                        + "response saying Connection: close, then closed by the node");
                if (load.reconnect) {
                    assertTrue(load.afterClose.get() > 0, "requests sent while draining: "
                            + load.afterClose.get());
                }
            } finally {
                node.destroyForcibly();
            }
        }
    }

    /**
     * The node's log file, watched for the moment it says it is stopping (draining has begun by then): a thread
     * polls it every few milliseconds, so the moment is known within that.
     */
    private static final class NodeOutput {
        final AtomicLong stopping = new AtomicLong();
        final Path log;

        NodeOutput(Path log) {
            this.log = log;
            Thread t = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (stopping.get() == 0 && System.nanoTime() < deadline) {
                    if (toString().contains("shutting down")) stopping.compareAndSet(0, System.nanoTime());
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(2); // poll interval, bounded by the deadline
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "node-output");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public String toString() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }
    }

    /**
     * Each connection sends back to back until a response says Connection: close; it is then replaced (when
     * {@code reconnect}) until the node's health says 503.
     */
    private static final class Load {
        final int port;
        final boolean reconnect;
        final HttpClient health = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(1)).build();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong afterClose = new AtomicLong();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closedGracefully = new AtomicInteger();
        /** When a client first read a response with Connection: close. */
        final AtomicLong firstClose = new AtomicLong();
        final AtomicBoolean drainingSeen = new AtomicBoolean();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> keptAlive = new ConcurrentLinkedQueue<>();
        final List<Thread> threads = new ArrayList<>();

        Load(int port, boolean reconnect) {
            this.port = port;
            this.reconnect = reconnect;
        }

        void start() {
            for (int i = 0; i < CONNECTIONS; i++) {
                int n = i;
                Thread t = new Thread(() -> run(n), "load-" + i);
                threads.add(t);
                t.start();
            }
            if (reconnect) {
                Thread t = new Thread(this::watchHealth, "health");
                threads.add(t);
                t.start();
            }
        }

        /** As a balancer's health check: every 50 ms until the node answers 503 (or no longer answers). */
        private void watchHealth() {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                try {
                    int status = health.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + "/__health")).timeout(java.time.Duration.ofSeconds(2)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) break;
                    Thread.sleep(50); // the check interval
                } catch (IOException | InterruptedException e) {
                    break;
                }
            }
            drainingSeen.set(true);
        }

        private void run(int n) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // bounded whatever happens
            while (System.nanoTime() < deadline) {
                if (!connection(n, deadline) || !reconnect || drainingSeen.get()) return;
            }
        }

        /** One connection until the node tells it to close; false when it failed. */
        private boolean connection(int n, long deadline) {
            try (RawHttp c = new RawHttp(port, 10_000)) {
                opened.incrementAndGet();
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    long close = firstClose.get();
                    boolean afterAClose = close != 0 && sent - close > 0;
                    RawHttp.Response r;
                    try {
                        r = c.exchange(RawHttp.get("/ping"));
                    } catch (IOException e) {
                        failures.add("connection " + n + (close != 0 ? " after" : " before") + " the drain: " + e);
                        return false;
                    }
                    if (r.status() != 200) failures.add("connection " + n + ": " + r.status() + " " + r.body());
                    ok.incrementAndGet();
                    if (afterAClose) {
                        afterClose.incrementAndGet();
                        if (!r.closes()) keptAlive.add("connection " + n + ": " + r.headers());
                    }
                    if (r.closes()) {
                        firstClose.compareAndSet(0, System.nanoTime());
                        if (c.closedByPeer()) {
                            closedGracefully.incrementAndGet();
                            return true;
                        }
                        failures.add("connection " + n + ": still open after Connection: close");
                        return false;
                    }
                }
                failures.add("connection " + n + " never got Connection: close");
            } catch (IOException e) {
                if (opened.get() > CONNECTIONS && firstClose.get() != 0) return false; // refused once stopped
                failures.add("connection " + n + ": " + e);
            }
            return false;
        }

        void join() throws InterruptedException {
            for (Thread t : threads) t.join(30_000);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, int seconds, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(message);
            Thread.sleep(20); // poll interval, bounded by the deadline
        }
    }
}

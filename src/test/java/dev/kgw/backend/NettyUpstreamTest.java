package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.config.ClientSettings;
import dev.kgw.config.TlsSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.streams.ReadStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-event-loop client against real backends, called from event loops as the node calls it. */
class NettyUpstreamTest {
    /** Far more than the kernel buffers between the two ends of a loopback connection (here up to 36 MB). */
    private static final int BIG = 256 << 20;
    private static final Buffer CHUNK = Buffer.buffer(new byte[64 << 10]);

    private final Vertx vertx = Vertx.vertx();
    private final Vertx backendVertx = Vertx.vertx();
    private HttpServer server;
    private HttpExecutor http;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean blocked = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        server = backendVertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .connectionHandler(c -> {
                    connections.incrementAndGet();
                    c.closeHandler(v -> closed.incrementAndGet());
                })
                .requestHandler(req -> {
                    HttpServerResponse resp = req.response();
                    switch (req.path()) {
                        case "/half" -> resp.setChunked(true).write("{\"partial\":"); // and never more
                        case "/big" -> {
                            resp.setChunked(true);
                            writeBig(resp);
                        }
                        case "/redirect" -> resp.setStatusCode(302).putHeader("Location", "/ok").end("moved");
                        case "/json" -> resp.putHeader("Content-Type", "application/json")
                                .end("{\"text\":\"" + "z".repeat(10_000) + "\"}");
                        default -> resp.end("ok " + req.method() + " " + req.getHeader("Referer"));
                    }
                })
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = new HttpExecutor(vertx, settings(), new BodyBudget(256 << 20), true);
    }

    private static ClientSettings settings() {
        return new ClientSettings(Duration.ZERO, Duration.ZERO, false, false, 0, 250, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, TlsSettings.none());
    }

    /** Writes {@link #BIG} bytes as fast as the client takes them, no faster. */
    private void writeBig(HttpServerResponse resp) {
        while (!resp.writeQueueFull() && sent.get() < BIG) {
            resp.write(CHUNK);
            sent.addAndGet(CHUNK.length());
        }
        if (sent.get() >= BIG) {
            resp.end();
            return;
        }
        blocked.set(true);
        resp.drainHandler(v -> writeBig(resp));
    }

    @AfterEach
    void stop() throws Exception {
        http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        backendVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String url(String path) { return "http://127.0.0.1:" + server.actualPort() + path; }

    private static UpstreamCall get(String url, long timeoutMillis, boolean stream) {
        return new UpstreamCall("GET", url, Map.of("X-A", List.of("1")), null, null, false,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), false, stream, 1 << 20);
    }

    /** Runs on the context's event loop and waits for the answer. */
    private static <T> T on(Context ctx, Supplier<Future<T>> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        ctx.runOnContext(v -> work.get().onComplete(ar -> {
            if (ar.succeeded()) done.complete(ar.result());
            else done.completeExceptionally(ar.cause());
        }));
        return done.get(20, TimeUnit.SECONDS);
    }

    private UpstreamResponse call(Context ctx, UpstreamCall c) throws Exception { return on(ctx, () -> http.execute(c)); }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    /** Waits until the counter has not moved for 300 ms. */
    private static void awaitStill(AtomicLong counter, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = counter.get();
        long since = System.nanoTime();
        while (System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(300)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(10);
            long now = counter.get();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
        }
    }

    @Test
    void sequentialCallsOnOneLoopShareOneConnectionAndEachLoopHasItsOwn() throws Exception {
        Context a = ((VertxInternal) vertx).createEventLoopContext();
        Context b = ((VertxInternal) vertx).createEventLoopContext();
        assertNotSame(((ContextInternal) a).nettyEventLoop(), ((ContextInternal) b).nettyEventLoop());
        for (int i = 0; i < 50; i++) {
            UpstreamResponse r = call(a, get(url("/ok"), 2000, false));
            assertEquals(200, r.status());
            assertEquals("ok GET null", r.body().toString());
        }
        assertEquals(1, connections.get(), "one kept-alive connection for 50 calls on one loop");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, call(i % 2 == 0 ? a : b, get(url("/ok"), 2000, false)).status());
        }
        assertEquals(2, connections.get(), "the second loop dials its own connection, once");
    }

    @Test
    void aKeptAliveConnectionTheBackendDroppedIsRetriedOnceOnAFreshOne() throws Exception {
        // every connection answers its first request, then closes instead of answering the second
        try (ScriptedBackend stale = new ScriptedBackend((conn, req, head, out) -> {
            if (req > 1) return false;
            ScriptedBackend.ok(out, "hello");
            return true;
        })) {
            Context ctx = vertx.getOrCreateContext();
            for (int i = 0; i < 3; i++) {
                UpstreamResponse r = call(ctx, get(stale.url("/x"), 2000, false));
                assertEquals("hello", r.body().toString(), "call " + i);
            }
            assertEquals(3, stale.connections.get(), "each call after the first retried on a fresh connection");
            // a POST the backend may have received is not sent twice
            UpstreamCall post = new UpstreamCall("POST", stale.url("/x"), Map.of(), Buffer.buffer("body"), null,
                    false, System.nanoTime() + TimeUnit.SECONDS.toNanos(2), false, false, 1 << 20);
            ExecutionException e = assertThrows(ExecutionException.class, () -> call(ctx, post));
            assertTrue(e.getCause().getMessage().startsWith("Post \"" + stale.url("/x") + "\": "), e.getCause().getMessage());
            assertEquals(3, stale.connections.get());
        }
    }

    @Test
    void aStreamedAnswerIsReadOnlyAsFastAsItsReaderAsks() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        // identity: 256 MB of zeros would cross the wire gzipped in a few hundred KB
        UpstreamResponse r = call(ctx, new UpstreamCall("GET", url("/big"), Map.of("Accept-Encoding", List.of("identity")),
                null, null, false, System.nanoTime() + TimeUnit.SECONDS.toNanos(30), false, true, 1 << 20));
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        ReadStream<Buffer> body = r.stream();
        ctx.runOnContext(v -> body.handler(b -> received.addAndGet(b.length())).endHandler(x -> ended.complete(null))
                .exceptionHandler(ended::completeExceptionally).fetch(1));
        await(() -> received.get() > 0, "the first chunk");
        await(blocked::get, "the backend's write queue to fill up");
        awaitStill(sent, "the backend to stall");
        long before = sent.get();
        assertTrue(before < BIG / 3, "the node took " + before + " bytes it was not asked for");
        ctx.runOnContext(v -> body.resume());
        ended.get(20, TimeUnit.SECONDS);
        assertEquals(BIG, received.get());
        assertEquals(200, call(ctx, get(url("/ok"), 2000, false)).status());
        assertEquals(1, connections.get(), "the connection went back to its pool at the end of the body");
    }

    @Test
    void theDeadlineCutsABodyMidwayAndClosesItsConnection() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        long t = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call(ctx, get(url("/half"), 300, false)));
        assertInstanceOf(DeadlineExceededException.class, e.getCause());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 2000, "it waited past the deadline");
        await(() -> closed.get() == 1, "the half-read connection to be closed");
        assertEquals(200, call(ctx, get(url("/ok"), 2000, false)).status());
        assertEquals(2, connections.get());
    }

    @Test
    void aHeaderFloodFromTheBackendFailsTheCallAndTheNextOneIsServed() throws Exception {
        try (ScriptedBackend flood = new ScriptedBackend((conn, req, head, out) -> {
            if (head.startsWith("GET /flood")) {
                out.write("HTTP/1.1 200 OK\r\nX-Flood: ".getBytes(StandardCharsets.US_ASCII));
                byte[] a = "a".repeat(64 << 10).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 64; i++) out.write(a); // 4 MB of one header, never ended
                return false;
            }
            ScriptedBackend.ok(out, "fine");
            return true;
        })) {
            Context ctx = vertx.getOrCreateContext();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> call(ctx, get(flood.url("/flood"), 5000, false)));
            assertInstanceOf(UpstreamFailure.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("larger than 1048576"), e.getCause().getMessage());
            assertEquals("fine", call(ctx, get(flood.url("/ok"), 2000, false)).body().toString());
        }
    }

    @Test
    void aGzippedAnswerIsInflatedAsTheVertxClientDoes() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        UpstreamResponse r = call(ctx, get(url("/json"), 2000, false));
        assertEquals("{\"text\":\"" + "z".repeat(10_000) + "\"}", r.body().toString());
        assertNull(r.headers().get("Content-Encoding"));
        assertNull(r.headers().get("Content-Length"));
    }

    @Test
    void redirectsAreFollowedWithAReferer() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        UpstreamResponse r = call(ctx, get(url("/redirect"), 2000, false));
        assertEquals(200, r.status());
        assertEquals("ok GET " + url("/redirect"), r.body().toString());
        assertEquals(url("/ok"), r.finalUrl());
        // the next hop leaves before the redirect's body is drained, so it dials; both are kept for what follows
        for (int i = 0; i < 5; i++) assertEquals(200, call(ctx, get(url("/redirect"), 2000, false)).status());
        assertEquals(2, connections.get(), "the redirects' bodies were drained and their connections reused");
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        HttpExecutor shortIdle = new HttpExecutor(vertx, new ClientSettings(Duration.ZERO, Duration.ZERO, false, false,
                0, 250, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, TlsSettings.none()),
                new BodyBudget(1 << 20), true);
        try {
            Context ctx = vertx.getOrCreateContext();
            assertEquals(200, on(ctx, () -> shortIdle.execute(get(url("/ok"), 2000, false))).status());
            long t = System.nanoTime();
            await(() -> closed.get() == 1, "the idle connection to be closed");
            assertTrue((System.nanoTime() - t) / 1_000_000 >= 700, "closed before its idle timeout");
        } finally {
            shortIdle.close();
        }
    }

    @Test
    void withoutKeepAliveEachCallSaysCloseAndDials() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend((conn, req, head, out) -> {
            ScriptedBackend.ok(out, "one");
            return true; // the client is the one to close
        })) {
            HttpExecutor noKeepAlive = new HttpExecutor(vertx, new ClientSettings(Duration.ZERO, Duration.ZERO, true,
                    false, 0, 250, Duration.ZERO, Duration.ZERO, Duration.ZERO, TlsSettings.none()),
                    new BodyBudget(1 << 20), true);
            try {
                Context ctx = vertx.getOrCreateContext();
                for (int i = 0; i < 3; i++) {
                    assertEquals("one", on(ctx, () -> noKeepAlive.execute(get(backend.url("/"), 2000, false))).body().toString());
                }
                assertEquals(3, backend.connections.get());
                assertTrue(backend.heads.get(0).toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"),
                        backend.heads.get(0));
            } finally {
                noKeepAlive.close();
            }
        }
    }

    @Test
    void theSystemPropertySelectsTheVertxClient() throws Exception {
        String before = System.getProperty(HttpExecutor.UPSTREAM_PROPERTY);
        HttpExecutor vertxClient;
        try {
            System.setProperty(HttpExecutor.UPSTREAM_PROPERTY, "vertx");
            vertxClient = new HttpExecutor(vertx, settings(), new BodyBudget(1 << 20));
        } finally {
            if (before == null) System.clearProperty(HttpExecutor.UPSTREAM_PROPERTY);
            else System.setProperty(HttpExecutor.UPSTREAM_PROPERTY, before);
        }
        try {
            assertFalse(vertxClient.nettyUpstream());
            assertTrue(new HttpExecutor(vertx, settings(), new BodyBudget(1 << 20)).nettyUpstream());
            Context ctx = vertx.getOrCreateContext();
            assertEquals("ok GET null", on(ctx, () -> vertxClient.execute(get(url("/ok"), 2000, false))).body().toString());
        } finally {
            vertxClient.close();
        }
    }
}

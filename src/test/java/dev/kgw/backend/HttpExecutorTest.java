package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.config.ClientSettings;
import dev.kgw.config.TlsSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared client against a real server: a call that failed or timed out must never cost the next one. */
class HttpExecutorTest {
    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;
    private HttpExecutor http;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer()
                .connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(req -> {
                    if (req.path().startsWith("/hang")) return; // never answered
                    if (req.path().startsWith("/chunked")) { // 4 MB without a declared length
                        req.response().setChunked(true);
                        for (int i = 0; i < 64; i++) req.response().write(io.vertx.core.buffer.Buffer.buffer(new byte[65536]));
                        req.response().end();
                        return;
                    }
                    req.response().putHeader("Content-Type", "application/json").end("{\"ok\":true}");
                })
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // one connection per host: a poisoned one would be the only one there is
        http = new HttpExecutor(vertx, new ClientSettings(Duration.ZERO, Duration.ZERO, false, false, 0, 1,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, TlsSettings.none()), new BodyBudget(64 << 20));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String url(String path) { return "http://127.0.0.1:" + server.actualPort() + path; }

    private UpstreamResponse call(String path, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        UpstreamCall c = new UpstreamCall("GET", url(path), Map.of("X-A", List.of("1")), null, null, false, deadline,
                false, false, 1 << 20);
        // on an event loop, as the node calls: through the Netty client
        CompletableFuture<UpstreamResponse> done = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> http.execute(c).onComplete(ar -> {
            if (ar.succeeded()) done.complete(ar.result());
            else done.completeExceptionally(ar.cause());
        }));
        return done.get(timeoutMillis + 5000, TimeUnit.MILLISECONDS);
    }

    @Test
    void aRequestLineThatCannotBeWrittenFailsAtOnceAndLeavesNoDeadConnection() throws Exception {
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call("/a b", 2000));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "a write failure must not wait for the deadline");
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            assertEquals(200, call("/ok", 2000).status());
            assertTrue((System.nanoTime() - t) / 1_000_000 < 1000, "call " + i + " waited on a dead connection");
        }
    }

    @Test
    void aTimedOutCallClosesItsConnectionAndTheNextCallGetsAFreshOne() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call("/hang", 200));
        assertInstanceOf(DeadlineExceededException.class, e.getCause());
        long t = System.nanoTime();
        assertEquals(200, call("/ok", 2000).status());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 1000, "the next call waited on the abandoned connection");
        assertEquals(2, connections.get(), "the abandoned connection is closed, not put back in the pool");
    }

    @Test
    void aChunkedAnswerPastItsBoundFailsAsSoonAsItPassesAndClosesItsConnection() throws Exception {
        long t = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call("/chunked", 5000));
        assertInstanceOf(ResponseBodies.TooLargeException.class, e.getCause());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 2000, "it waited for the deadline");
        assertEquals(200, call("/ok", 2000).status());
    }
}

package dev.kgw.telemetry.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfluxReporterTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A stand-in for InfluxDB's write endpoint that keeps each body. */
    private int influx() throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            queries.add(req.query());
            writes.add(b.toString());
            req.response().setStatusCode(204).end();
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    @Test
    void pointsGoInWritesOfAtMostBufferSize() throws Exception {
        int port = influx();
        InfluxReporter r = new InfluxReporter(vertx, new InfluxOptions("http://127.0.0.1:" + port, "kgw",
                Duration.ofHours(1), 2, "u", "p w"), 8080);
        r.record("GET", "/a", 200, 1_000);
        r.record("GET", "/a", 200, 2_000);
        r.record("GET", "/b", 500, 5);
        r.record("POST", "", 404, 7);
        r.push().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(2, writes.size(), "3 series, 2 points per write: " + writes);
        assertEquals(List.of(2, 1), writes.stream().map(w -> w.split("\n").length).toList());
        String all = String.join("", writes);
        assertTrue(all.contains(",route=/a,method=GET,status=200 count=2i,duration_ns=3000i "), all);
        assertTrue(all.contains(",route=unmatched,method=POST,status=404 count=1i,"), all);
        assertTrue(all.startsWith("requests,host="), all);
        assertEquals("precision=ms&db=kgw&u=u&p=p+w", queries.get(0));
    }
}

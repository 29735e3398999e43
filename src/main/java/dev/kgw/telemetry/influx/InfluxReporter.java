package dev.kgw.telemetry.influx;

import dev.kgw.router.Exchange;
import dev.kgw.router.RequestObserver;
import dev.kgw.telemetry.NodeIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Pushes the node's request counters to InfluxDB 1.x every {@code ttl}, in line protocol: measurement
 * {@code requests}, tags {@code host}, {@code instance} (host:port, the node's identity), {@code route},
 * {@code method}, {@code status}; fields {@code count} and {@code duration_ns} (cumulative since start, so a lost
 * push loses nothing and InfluxDB's {@code non_negative_difference} gives rates), in writes of at most
 * {@code buffer_size} points. A failed push is logged and
 * retried with the next one; it never touches the request path.
 */
public final class InfluxReporter implements RequestObserver, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InfluxReporter.class.getName());

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String writeUrl;
    private final String tags;
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final long timer;
    private final int batch;
    private volatile boolean failing;

    private record Series(String tags, LongAdder count, LongAdder durationNanos) {}

    public InfluxReporter(Vertx vertx, InfluxOptions options, int nodePort) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient();
        StringBuilder url = new StringBuilder(options.address().replaceAll("/+$", "")).append("/write?precision=ms&db=")
                .append(URLEncoder.encode(options.db(), StandardCharsets.UTF_8));
        if (!options.username().isEmpty()) {
            url.append("&u=").append(URLEncoder.encode(options.username(), StandardCharsets.UTF_8))
                    .append("&p=").append(URLEncoder.encode(options.password(), StandardCharsets.UTF_8));
        }
        this.writeUrl = url.toString();
        this.tags = "host=" + escape(NodeIdentity.hostname()) + ",instance=" + escape(NodeIdentity.instance(nodePort));
        this.batch = options.bufferSize() > 0 ? options.bufferSize() : Integer.MAX_VALUE;
        this.timer = vertx.setPeriodic(options.ttl().toMillis(), id -> push());
    }

    @Override
    public void onResponse(Exchange ex, String route, int status, long durationNanos) {
        record(ex.method(), route, status, durationNanos);
    }

    void record(String method, String route, int status, long durationNanos) {
        Series s = series.computeIfAbsent(method + ' ' + route + ' ' + status, k -> new Series(
                ",route=" + escape(route.isEmpty() ? "unmatched" : route) + ",method=" + method + ",status=" + status,
                new LongAdder(), new LongAdder()));
        s.count().increment();
        s.durationNanos().add(durationNanos);
    }

    /** Every series, in writes of at most {@code buffer_size} points (all in one when it is 0). */
    Future<Void> push() {
        if (series.isEmpty()) return Future.succeededFuture();
        long now = System.currentTimeMillis();
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int points = 0;
        for (Series s : series.values()) {
            body.append("requests,").append(tags).append(s.tags()).append(" count=").append(s.count().sum())
                    .append("i,duration_ns=").append(s.durationNanos().sum()).append("i ").append(now).append('\n');
            if (++points == batch) {
                bodies.add(body.toString());
                body.setLength(0);
                points = 0;
            }
        }
        if (points > 0) bodies.add(body.toString());
        Future<Void> all = Future.succeededFuture();
        for (String b : bodies) all = all.compose(v -> write(b));
        return all;
    }

    private Future<Void> write(String body) {
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(writeUrl))
                .compose(r -> r.send(Buffer.buffer(body)))
                .onSuccess(r -> {
                    if (r.statusCode() / 100 != 2) report("InfluxDB answered " + r.statusCode());
                    else if (failing) {
                        failing = false;
                        LOG.info("InfluxDB push works again");
                    }
                })
                .onFailure(e -> report(e.getMessage()))
                .<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    private void report(String why) {
        if (!failing) LOG.warning("InfluxDB push failed (will retry every interval): " + why);
        failing = true;
    }

    /** Measurement, tag keys and values escape commas, spaces and equals signs. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(" ", "\\ ").replace("=", "\\=");
    }

    /** The last push, so the final counts of a stopping node are not lost; then the client closes. */
    public Future<Void> flush() {
        vertx.cancelTimer(timer);
        return push().eventually(client::close);
    }

    @Override
    public void close() { flush(); }
}

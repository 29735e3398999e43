package dev.kgw.qos.ratelimit;

import dev.kgw.router.EndpointGate;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * An endpoint's rate limit: per client (429) then endpoint-wide (503). With a Redis pool the limit is shared by
 * the cluster; when Redis is slow (past the pool's timeout) or down, the node decides alone with its local buckets
 * at once, logs the switch, counts the local decisions, and tries Redis again a second later, so requests never
 * wait on a dead Redis and global limiting resumes by itself.
 */
public final class RateLimitGate implements EndpointGate {
    private static final Logger LOG = Logger.getLogger(RateLimitGate.class.getName());
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Vertx vertx;
    private final RateLimitOptions o;
    private final LocalLimiter local;
    private final RedisLimiter redis;
    private final long timeoutMs;
    private final String endpoint;
    private volatile long redisDownUntil;
    private final AtomicLong localDecisions = new AtomicLong();

    public RateLimitGate(Vertx vertx, RateLimitOptions o, String endpoint, io.vertx.redis.client.Redis client,
                         long timeoutMs) {
        this.vertx = vertx;
        this.o = o;
        this.endpoint = endpoint;
        this.local = new LocalLimiter(o, System.nanoTime());
        this.redis = client == null ? null : new RedisLimiter(client, o, endpoint);
        this.timeoutMs = Math.max(1, timeoutMs);
        vertx.setPeriodic(60_000, id -> local.cleanup(System.nanoTime()));
    }

    /** Decisions the node took alone because Redis was not there. */
    public long localDecisions() { return localDecisions.get(); }

    @Override
    public Future<Integer> admit(HttpServerRequest req, Map<String, String> rawParams, String clientIp) {
        String client = o.clientLimited() ? clientKey(req, rawParams, clientIp) : "";
        if (o.clientLimited() && (client == null || client.isEmpty())) return Future.succeededFuture(429);
        long now = System.nanoTime();
        if (redis == null) return Future.succeededFuture(local.admit(client, now));
        if (now < redisDownUntil) return Future.succeededFuture(fallback(client, now));
        Promise<Integer> out = Promise.promise();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (!out.future().isComplete()) {
                redisFailed("no answer within " + timeoutMs + " ms");
                out.tryComplete(fallback(client, System.nanoTime()));
            }
        });
        redis.admit(client).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                if (redisDownUntil != 0) {
                    redisDownUntil = 0;
                    LOG.info("rate limit of " + endpoint + ": Redis is back, limiting cluster-wide again");
                }
                out.tryComplete(ar.result());
            } else if (!out.future().isComplete()) {
                redisFailed(ar.cause().getMessage());
                out.tryComplete(fallback(client, System.nanoTime()));
            }
        });
        return out.future();
    }

    private int fallback(String client, long now) {
        localDecisions.incrementAndGet();
        return local.admit(client, now);
    }

    private void redisFailed(String why) {
        boolean wasUp = redisDownUntil == 0;
        redisDownUntil = System.nanoTime() + RETRY_NANOS;
        if (wasUp) {
            LOG.warning("rate limit of " + endpoint + ": Redis unavailable (" + why
                    + "), limiting on this node alone; local decisions so far: " + localDecisions.get());
        }
    }

    private String clientKey(HttpServerRequest req, Map<String, String> params, String clientIp) {
        return switch (o.strategy()) {
            case "header" -> req.getHeader(o.key());
            case "param" -> params.get(o.key());
            default -> {
                String fromHeader = o.key().isEmpty() ? null : req.getHeader(o.key());
                if (fromHeader != null && !fromHeader.isBlank()) {
                    String first = fromHeader.split(",")[0].trim();
                    yield first.replaceFirst(":\\d+$", "");
                }
                yield clientIp;
            }
        };
    }
}

package dev.kgw.qos.ratelimit;

import dev.kgw.proxy.Rejection;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * An endpoint's rate limit: per client (429) then endpoint-wide (503). With a Redis pool the limit is shared by
 * the cluster; when Redis is slow (past the pool's timeout) or down, the node decides alone with its local buckets
 * at once, logs the switch, counts the local decisions, and tries Redis again a second later, so requests never
 * wait on a dead Redis and global limiting resumes by itself.
 */
public final class RateLimitGate implements EndpointFilter {
    // as KrakenD's AbortWithStatus: the status alone; immutable, so one of each serves every request
    private static final Rejection TOO_MANY = Rejection.status(429);
    private static final Rejection UNAVAILABLE = Rejection.status(503);

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
    public Future<Void> filter(Exchange ex) {
        String client = o.clientLimited() ? clientKey(ex) : "";
        if (o.clientLimited() && (client == null || client.isEmpty())) return verdict(429);
        long now = System.nanoTime();
        if (redis == null) return verdict(local.admit(client, now));
        if (now < redisDownUntil) return verdict(fallback(client, now));
        return cluster(client).compose(RateLimitGate::verdict);
    }

    private static Future<Void> verdict(int status) {
        return status == 0 ? PASS : Future.failedFuture(status == 429 ? TOO_MANY
                : status == 503 ? UNAVAILABLE : Rejection.status(status));
    }

    /** Asks Redis, or this node alone when Redis does not answer in time: 0 to let the request on, else a status. */
    private Future<Integer> cluster(String client) {
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

    private String clientKey(Exchange ex) {
        return switch (o.strategy()) {
            case "header" -> ex.header(o.key());
            case "param" -> ex.params().get(o.key());
            default -> {
                String fromHeader = o.key().isEmpty() ? null : ex.header(o.key());
                if (fromHeader != null && !fromHeader.isBlank()) {
                    String first = fromHeader.split(",")[0].trim();
                    yield first.replaceFirst(":\\d+$", "");
                }
                yield ex.clientIp();
            }
        };
    }
}

package dev.kgw.qos.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The cluster-wide limits: the same token buckets, kept in Redis and updated by one atomic script, so N nodes
 * share one limit. Time comes from Redis ({@code TIME}), not from the nodes, whose clocks may differ.
 */
final class RedisLimiter {
    /** KEYS: client bucket, endpoint bucket ("" = none). ARGV: rates per ms and capacities. 0 | 429 | 503. */
    private static final String SCRIPT = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function take(key, rate, cap)
          local b = redis.call('HMGET', key, 'tokens', 'ts')
          local tokens = tonumber(b[1]) or cap
          local ts = tonumber(b[2]) or now
          tokens = math.min(cap, tokens + (now - ts) * rate)
          local ok = tokens >= 1
          if ok then tokens = tokens - 1 end
          redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
          redis.call('PEXPIRE', key, math.ceil(cap / rate) + 1000)
          return ok
        end
        if KEYS[1] ~= '' and not take(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])) then return 429 end
        if KEYS[2] ~= '' and not take(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4])) then return 503 end
        return 0
        """;

    private final Redis redis;
    private final RateLimitOptions o;
    private final String endpointKey;
    private final String clientRate;
    private final String endpointRate;

    RedisLimiter(Redis redis, RateLimitOptions o, String endpointId) {
        this.redis = redis;
        this.o = o;
        this.endpointKey = "kgw:rl:" + endpointId;
        double everyMs = o.every().toNanos() / 1e6;
        this.clientRate = Double.toString(o.clientMaxRate() / everyMs);
        this.endpointRate = Double.toString(o.maxRate() / everyMs);
    }

    Future<Integer> admit(String clientKey) {
        Request r = Request.cmd(Command.EVAL).arg(SCRIPT).arg(2)
                .arg(o.clientLimited() ? endpointKey + ":c:" + clientKey : "")
                .arg(o.endpointLimited() ? endpointKey : "")
                .arg(clientRate).arg(Double.toString(o.clientCapacity()))
                .arg(endpointRate).arg(Double.toString(o.capacity()));
        return redis.send(r).map(RedisLimiter::status);
    }

    private static Integer status(Response r) {
        return r == null ? 0 : r.toInteger();
    }
}

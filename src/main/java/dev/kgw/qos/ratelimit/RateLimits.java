package dev.kgw.qos.ratelimit;

import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ServiceConfig;
import dev.kgw.router.EndpointGate;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds each endpoint's rate-limit gate from its namespaces, sharing one Redis client per named pool. */
public final class RateLimits {
    private final Vertx vertx;
    private final Map<String, RedisNamespace.Pool> pools;
    private final Map<String, Redis> clients = new HashMap<>();
    private final List<RateLimitGate> shared = new CopyOnWriteArrayList<>();

    public RateLimits(Vertx vertx, ServiceConfig config) {
        this.vertx = vertx;
        this.pools = config.extra().get(RedisNamespace.NAME, RedisNamespace.Pools.class)
                .map(RedisNamespace.Pools::byName).orElse(Map.of());
    }

    /** The gate of an endpoint, or null when it declares no rate limit. */
    public EndpointGate gate(EndpointConfig e) {
        String id = e.method() + " " + e.endpoint();
        var global = e.extra().get(RateLimitNamespace.REDIS_NAME, RateLimitOptions.class);
        if (global.isPresent()) {
            RedisNamespace.Pool pool = pools.get(global.get().connectionPool());
            if (pool == null) {
                throw new IllegalArgumentException(e.jsonPath() + ": unknown redis connection_pool '"
                        + global.get().connectionPool() + "'");
            }
            Redis client = clients.computeIfAbsent(pool.name(), n -> Redis.createClient(vertx, new RedisOptions()
                    .setConnectionString("redis://" + pool.address()).setPassword(pool.password().isEmpty() ? null
                            : pool.password()).setMaxPoolSize(8).setMaxPoolWaiting(1024)));
            RateLimitGate gate = new RateLimitGate(vertx, global.get(), id, client, pool.timeout().toMillis());
            shared.add(gate);
            return gate;
        }
        return e.extra().get(RateLimitNamespace.NAME, RateLimitOptions.class)
                .map(o -> (EndpointGate) new RateLimitGate(vertx, o, id, null, 0)).orElse(null);
    }

    /** Decisions taken on this node alone because Redis was slow or away, over all cluster-wide limits. */
    public long localDecisions() {
        long n = 0;
        for (RateLimitGate g : shared) n += g.localDecisions();
        return n;
    }
}

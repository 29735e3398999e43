package dev.kgw.qos.ratelimit;

import dev.kgw.config.EndpointConfig;
import dev.kgw.router.EndpointFilter;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's part of {@code qos/ratelimit/router} or of {@code qos/ratelimit/router/redis}: a filter per endpoint
 * that declares the limit, sharing one Redis client per named pool. An endpoint that declares both is limited
 * cluster-wide only.
 */
final class RateLimits implements Extension {
    private final Node node;
    private final String namespace;
    private final Map<String, RedisNamespace.Pool> pools;
    private final Map<String, Redis> clients = new HashMap<>();
    private final List<RateLimitGate> shared = new CopyOnWriteArrayList<>();

    RateLimits(Node node, String namespace) {
        this.node = node;
        this.namespace = namespace;
        this.pools = node.config().extra().get(RedisNamespace.NAME, RedisNamespace.Pools.class)
                .map(RedisNamespace.Pools::byName).orElse(Map.of());
        if (isRedis()) {
            node.publish("ratelimit.local.decisions", "Cluster-wide rate-limit decisions this node took alone because"
                    + " Redis was away", this::localDecisions);
        }
    }

    private boolean isRedis() { return namespace.equals(RateLimitNamespace.REDIS_NAME); }

    @Override
    public EndpointFilter endpointFilter(EndpointConfig e) {
        String id = e.method() + " " + e.endpoint();
        var global = e.extra().get(RateLimitNamespace.REDIS_NAME, RateLimitOptions.class);
        if (!isRedis()) {
            if (global.isPresent()) return null;
            return e.extra().get(RateLimitNamespace.NAME, RateLimitOptions.class)
                    .map(o -> new RateLimitGate(node.vertx(), o, id, null, 0)).orElse(null);
        }
        if (global.isEmpty()) return null;
        // validate() refused a file naming a pool that does not exist
        RedisNamespace.Pool pool = pools.get(global.get().connectionPool());
        Redis client = clients.computeIfAbsent(pool.name(), n -> Redis.createClient(node.vertx(), new RedisOptions()
                .setConnectionString("redis://" + pool.address()).setPassword(pool.password().isEmpty() ? null
                        : pool.password()).setMaxPoolSize(8).setMaxPoolWaiting(1024)));
        RateLimitGate gate = new RateLimitGate(node.vertx(), global.get(), id, client, pool.timeout().toMillis());
        shared.add(gate);
        return gate;
    }

    /** Decisions taken on this node alone because Redis was slow or away, over all cluster-wide limits. */
    long localDecisions() {
        long n = 0;
        for (RateLimitGate g : shared) n += g.localDecisions();
        return n;
    }

    @Override
    public io.vertx.core.Future<Void> stop() {
        clients.values().forEach(Redis::close);
        return io.vertx.core.Future.succeededFuture();
    }
}

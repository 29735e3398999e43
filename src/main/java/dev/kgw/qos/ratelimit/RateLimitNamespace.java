package dev.kgw.qos.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ExtraConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code qos/ratelimit/router} and, with {@link #redis()}, {@code qos/ratelimit/router/redis} (the same keys
 * plus {@code connection_pool}). Defaults follow KrakenD: {@code capacity} = {@code max_rate}, {@code every} = 1s,
 * {@code client_capacity} = {@code client_max_rate} when the endpoint-wide rate is at least 1, else 1.
 */
public final class RateLimitNamespace implements Namespace {
    public static final String NAME = "qos/ratelimit/router";
    public static final String REDIS_NAME = "qos/ratelimit/router/redis";

    private final boolean redis;

    private RateLimitNamespace(boolean redis) { this.redis = redis; }

    public static RateLimitNamespace local() { return new RateLimitNamespace(false); }

    public static RateLimitNamespace redis() { return new RateLimitNamespace(true); }

    @Override public String name() { return redis ? REDIS_NAME : NAME; }

    @Override
    public List<String> aliases() {
        return redis ? List.of() : List.of("github_com/devopsfaith/krakend-ratelimit/juju/router");
    }

    @Override public Set<Scope> scopes() { return Set.of(Scope.ENDPOINT); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        double maxRate = f.number("max_rate", 0);
        double capacity = f.number("capacity", maxRate);
        double clientRate = f.number("client_max_rate", 0);
        double clientCapacity = f.number("client_capacity", maxRate >= 1 ? clientRate : 1);
        Duration every = f.duration("every", Duration.ofSeconds(1));
        if (every.isZero() || every.isNegative()) problems.error(f.path("every"), "must be a positive duration");
        String strategy = f.str("strategy", "ip");
        if (!Set.of("ip", "header", "param").contains(strategy)) {
            problems.error(f.path("strategy"), "unknown strategy '" + strategy + "' (use ip, header or param)");
        }
        String key = f.str("key", "");
        if (!strategy.equals("ip") && key.isEmpty() && clientRate > 0) {
            problems.error(f.path("key"), "strategy " + strategy + " needs a key");
        }
        String pool = redis ? f.str("connection_pool", "") : null;
        if (redis && pool.isEmpty()) problems.error(f.path("connection_pool"), "name a pool of the redis namespace");
        f.integer("num_shards", 2048);
        f.duration("cleanup_period", Duration.ofMinutes(1));
        f.integer("cleanup_threads", 1);
        f.warnUnknown();
        return new RateLimitOptions(maxRate, capacity, clientRate, clientCapacity, every, strategy, key, pool);
    }

    /** A cluster-wide limit must name a pool the {@code redis} namespace defines. */
    @Override
    public void validate(ServiceConfig config, Problems problems) {
        if (!redis) return;
        var pools = config.extra().get(RedisNamespace.NAME, RedisNamespace.Pools.class)
                .map(RedisNamespace.Pools::byName).orElse(java.util.Map.of());
        for (EndpointConfig e : config.endpoints()) {
            e.extra().get(REDIS_NAME, RateLimitOptions.class).ifPresent(o -> {
                if (pools.containsKey(o.connectionPool())) return;
                problems.error(ExtraConfig.path(e.jsonPath(), REDIS_NAME) + ".connection_pool",
                        "no redis connection pool named '" + o.connectionPool() + "'" + (pools.isEmpty()
                                ? " (the service's redis namespace defines none)"
                                : " (the service's redis namespace defines " + String.join(", ", pools.keySet())
                                        + ")"));
            });
        }
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().anyMatch(e -> e.extra().namespaces().containsKey(name()));
        return used ? new RateLimits(node, name()) : Extension.NONE;
    }
}

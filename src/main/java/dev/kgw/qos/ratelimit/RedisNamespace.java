package dev.kgw.qos.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service-level {@code redis} namespace: named connection pools, e.g.
 * {@code {"connection_pools": [{"name": "shared", "address": "redis:6379", "timeout": "10ms"}]}}.
 * {@code timeout} bounds every call: past it the caller falls back to its local decision.
 */
public final class RedisNamespace implements Namespace {
    public static final String NAME = "redis";

    public record Pool(String name, String address, String password, Duration timeout) {}

    public record Pools(Map<String, Pool> byName) {}

    @Override public String name() { return NAME; }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        Map<String, Pool> pools = new LinkedHashMap<>();
        f.eachObject("connection_pools", p -> {
            String name = p.str("name", "");
            String address = p.str("address", "");
            if (name.isEmpty()) problems.error(p.path("name"), "a pool needs a name");
            if (!address.matches("[^:/]+:\\d+")) problems.error(p.path("address"), "must be host:port");
            pools.put(name, new Pool(name, address, p.str("password", ""), p.duration("timeout", Duration.ofMillis(10))));
            p.warnUnknown();
        });
        f.warnUnknown();
        return new Pools(Map.copyOf(pools));
    }

    /** The pools are only data: the namespaces that name one open its clients. */
    @Override
    public Extension open(Node node) { return Extension.NONE; }
}

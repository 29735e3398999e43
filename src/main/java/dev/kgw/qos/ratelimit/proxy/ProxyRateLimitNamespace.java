package dev.kgw.qos.ratelimit.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.proxy.Middleware;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code qos/ratelimit/proxy} (backend): one token bucket toward one backend, for all clients and endpoints that
 * share that backend config, as krakend-ratelimit's proxy middleware: {@code max_rate} tokens every
 * {@code every} (1 s), {@code capacity} tokens at most (the rate's whole part, at least 1). A {@code max_rate} of 0
 * is no limit, as in KrakenD; a negative number or an {@code every} that is not a positive duration is refused
 * (KrakenD falls back to 1 s without a word).
 */
public final class ProxyRateLimitNamespace implements Namespace {
    public static final String NAME = "qos/ratelimit/proxy";

    /** Tokens per nanosecond and the bucket's size; a null options object means no limit. */
    public record Options(double ratePerNano, long capacity) {}

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-ratelimit/juju/proxy"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        double maxRate = f.number("max_rate", 0);
        if (maxRate < 0) problems.error(f.path("max_rate"), "must not be negative, found " + maxRate);
        double capacity = f.number("capacity", 0);
        if (capacity < 0) problems.error(f.path("capacity"), "must not be negative, found " + capacity);
        Duration every = f.duration("every", Duration.ofSeconds(1));
        if (every.isZero() || every.isNegative()) problems.error(f.path("every"), "must be a positive duration");
        f.warnUnknown();
        if (maxRate <= 0 || every.isZero() || every.isNegative()) return new Options(0, 0);
        long size = capacity >= 1 ? (long) capacity : maxRate < 1 ? 1 : (long) maxRate;
        return new Options(maxRate / every.toNanos(), size);
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().flatMap(e -> e.backends().stream())
                .anyMatch(b -> b.extra().get(NAME, Options.class).filter(o -> o.ratePerNano() > 0).isPresent());
        if (!used) return Extension.NONE;
        return new Extension() {
            @Override
            public Middleware backend(EndpointConfig e, BackendConfig b) {
                return b.extra().get(NAME, Options.class).filter(o -> o.ratePerNano() > 0)
                        .map(o -> new ProxyRateLimit(o, System::nanoTime)).orElse(null);
            }
        };
    }
}

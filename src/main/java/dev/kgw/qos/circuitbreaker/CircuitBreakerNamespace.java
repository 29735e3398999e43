package dev.kgw.qos.circuitbreaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code qos/circuit-breaker} (backend): KrakenD's gobreaker settings. {@code interval} and {@code timeout} are whole
 * seconds, numbers may be floats (truncated, as Go's decoder into int does), and a negative one is refused where
 * KrakenD would run a breaker that never clears or opens for 60 s without saying so.
 */
public final class CircuitBreakerNamespace implements Namespace {
    public static final String NAME = "qos/circuit-breaker";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-circuitbreaker/gobreaker"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        long interval = whole(f, "interval");
        long timeout = whole(f, "timeout");
        long maxErrors = whole(f, "max_errors");
        String name = f.str("name", "");
        boolean log = f.bool("log_status_change", false);
        boolean noop5xx = f.bool("kgw_count_noop_5xx", false);
        f.warnUnknown();
        return new BreakerOptions(name, Duration.ofSeconds(interval), Duration.ofSeconds(timeout), maxErrors, log,
                noop5xx);
    }

    private static long whole(Fields f, String key) {
        double v = f.number(key, 0);
        if (v < 0) {
            f.problems().error(f.path(key), "must not be negative, found " + v);
            return 0;
        }
        if (v > Integer.MAX_VALUE) {
            f.problems().error(f.path(key), "is too large (" + v + ")");
            return 0;
        }
        return (long) v;
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().flatMap(e -> e.backends().stream())
                .anyMatch(b -> b.extra().get(NAME, BreakerOptions.class).filter(o -> !o.isZero()).isPresent());
        return used ? new Breakers(node) : Extension.NONE;
    }
}

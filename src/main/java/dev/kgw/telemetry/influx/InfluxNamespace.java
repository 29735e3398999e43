package dev.kgw.telemetry.influx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.router.RequestObserver;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code telemetry/influx} (legacy name {@code github_com/letgoapp/krakend-influx}): the node's request counters,
 * pushed to InfluxDB every {@code ttl} and once more when it stops.
 */
public final class InfluxNamespace implements Namespace {
    public static final String NAME = "telemetry/influx";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/letgoapp/krakend-influx"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        String address = f.str("address", "");
        try {
            URI uri = URI.create(address);
            if (uri.getHost() == null || !(address.startsWith("http://") || address.startsWith("https://"))) {
                problems.error(f.path("address"), "must be an http(s) URL such as http://influxdb:8086");
            }
        } catch (IllegalArgumentException e) {
            problems.error(f.path("address"), "must be an http(s) URL such as http://influxdb:8086");
        }
        String db = f.str("db", "krakend");
        Duration ttl = f.duration("ttl", Duration.ofSeconds(5));
        if (ttl.compareTo(Duration.ofMillis(100)) < 0) problems.error(f.path("ttl"), "must be at least 100ms");
        InfluxOptions o = new InfluxOptions(address, db, ttl, f.integer("buffer_size", 0), f.str("username", ""),
                f.str("password", ""));
        f.warnUnknown();
        return o;
    }

    @Override
    public Extension open(Node node) {
        InfluxOptions options = node.config().extra().get(NAME, InfluxOptions.class).orElse(null);
        if (options == null) return Extension.NONE;
        InfluxReporter influx = new InfluxReporter(node.vertx(), options, node.config().port());
        return new Extension() {
            @Override public RequestObserver observer() { return influx; }

            /** The last push, after the last request was counted. */
            @Override public Future<Void> stop() { return influx.flush(); }
        };
    }
}

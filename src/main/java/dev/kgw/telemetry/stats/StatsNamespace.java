package dev.kgw.telemetry.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Problems;
import dev.kgw.proxy.Middleware;
import dev.kgw.router.RequestObserver;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code telemetry/metrics} (legacy name {@code github_com/devopsfaith/krakend-metrics}). Where KrakenD
 * silently falls back to the defaults on a value it cannot use, this reports an error with its path.
 */
public final class StatsNamespace implements Namespace {
    public static final String NAME = "telemetry/metrics";
    private static final String ADDRESS_HINT = "must be host:port, such as \":8090\" or \"127.0.0.1:8090\"";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/devopsfaith/krakend-metrics"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        Duration window = f.duration("collection_time", Duration.ofSeconds(60));
        if (window.compareTo(Duration.ofMillis(1)) < 0) problems.error(f.path("collection_time"), "must be at least 1ms");
        String address = f.str("listen_address", ":8090");
        String host = "";
        int port = 8090;
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            problems.error(f.path("listen_address"), ADDRESS_HINT);
        } else {
            host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            String digits = address.substring(colon + 1);
            port = digits.matches("[0-9]{1,5}") ? Integer.parseInt(digits) : -1;
            if (port < 0 || port > 65535 || host.contains(":") && !address.startsWith("[")) {
                problems.error(f.path("listen_address"), ADDRESS_HINT);
            }
        }
        StatsOptions o = new StatsOptions(window, host, port, f.bool("router_disabled", false),
                f.bool("proxy_disabled", false), f.bool("backend_disabled", false), f.bool("endpoint_disabled", false));
        f.warnUnknown();
        return o;
    }

    @Override
    public Extension open(Node node) {
        StatsOptions options = node.config().extra().get(NAME, StatsOptions.class).orElse(null);
        if (options == null) return Extension.NONE;
        NodeStats stats = new NodeStats(node.vertx(), options, node.config().endpoints());
        stats.listener(node.listener());
        return new Extension() {
            @Override public RequestObserver observer() { return stats.router(); }

            @Override public Middleware pipe(EndpointConfig e) { return stats.hooks().pipe(e); }

            @Override public Middleware backend(EndpointConfig e, BackendConfig b) { return stats.hooks().backend(e, b); }

            @Override
            public Future<Void> start() {
                stats.counters(node.counters());
                return stats.start();
            }

            @Override public Future<Void> stop() { return stats.close(); }
        };
    }
}

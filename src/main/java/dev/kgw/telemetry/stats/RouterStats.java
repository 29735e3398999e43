package dev.kgw.telemetry.stats;

import dev.kgw.config.EndpointConfig;
import dev.kgw.router.Exchange;
import dev.kgw.router.RequestObserver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The router layer: per endpoint, responses by status ({@code router.response.<endpoint>.status.<code>.count}),
 * body size and time histograms; per node, the connection counters krakend-metrics keeps per window. Only the
 * config's endpoints count (as KrakenD, which instruments the endpoint handlers): not 404s, redirects,
 * {@code /__health}, {@code /__debug} nor the automatic OPTIONS.
 */
final class RouterStats implements RequestObserver {
    private final StatsRegistry registry;
    /** By route pattern; built once, read by every event loop. */
    private final Map<String, Endpoint> endpoints;
    private final Counter connected;
    private final Counter disconnected;
    private final Counter connectedTotal;
    private final Counter disconnectedTotal;
    private final AtomicLong connectedGauge = new AtomicLong();
    private final AtomicLong disconnectedGauge = new AtomicLong();
    private final Map<String, Counter> tlsVersions = new ConcurrentHashMap<>();
    private final Map<String, Counter> tlsCiphers = new ConcurrentHashMap<>();

    /**
     * The connection metrics exist even with {@code router_disabled}, as in krakend-metrics; {@code endpoints}
     * is empty then and nothing counts them.
     */
    RouterStats(StatsRegistry registry, List<EndpointConfig> instrumented) {
        this.registry = registry;
        connected = registry.counter("router.connected");
        disconnected = registry.counter("router.disconnected");
        connectedTotal = registry.counter("router.connected-total");
        disconnectedTotal = registry.counter("router.disconnected-total");
        registry.gauge("router.connected-gauge", connectedGauge::get);
        registry.gauge("router.disconnected-gauge", disconnectedGauge::get);
        Map<String, Set<String>> methods = new HashMap<>();
        for (EndpointConfig e : instrumented) methods.computeIfAbsent(e.endpoint(), k -> new HashSet<>()).add(e.method());
        Map<String, Endpoint> byRoute = new HashMap<>();
        methods.forEach((route, m) -> byRoute.put(route, new Endpoint(registry, route, Set.copyOf(m))));
        this.endpoints = Map.copyOf(byRoute);
    }

    @Override
    public void onResponse(Exchange ex, String route, int status, long durationNanos) {
        Endpoint e = endpoints.get(route);
        if (e == null || !e.methods.contains(ex.method())) return;
        // krakend-metrics counts a "connection" per request handled, not per TCP connection
        connected.inc();
        if (ex.tls()) countTls(ex.tlsProtocol(), ex.tlsCipher());
        e.status(status).inc();
        e.size.update(ex.bytesWritten());
        e.time.update(durationNanos);
        disconnected.inc();
    }

    private void countTls(String protocol, String cipher) {
        if (protocol == null || cipher == null) return;
        count(tlsVersions, protocol, v -> "router.tls_version." + goVersion(v) + ".count");
        count(tlsCiphers, cipher, c -> "router.tls_cipher." + c + ".count");
    }

    private void count(Map<String, Counter> byKey, String key, UnaryOperator<String> name) {
        Counter c = byKey.get(key); // no allocation once seen
        if (c == null) c = byKey.computeIfAbsent(key, k -> registry.counter(name.apply(k)));
        c.inc();
    }

    /** Go's names for the versions; Java already uses the IANA cipher suite names Go uses. */
    private static String goVersion(String javaName) {
        return switch (javaName) {
            case "TLSv1.3" -> "VersionTLS13";
            case "TLSv1.2" -> "VersionTLS12";
            case "TLSv1.1" -> "VersionTLS11";
            case "TLSv1" -> "VersionTLS10";
            case "SSLv3" -> "VersionSSL30";
            default -> javaName;
        };
    }

    /** krakend-metrics' Aggregate, at the end of each window: the window's counts become gauges and totals. */
    void aggregate() {
        long c = connected.takeAndClear();
        connectedGauge.set(c);
        connectedTotal.add(c);
        long d = disconnected.takeAndClear();
        disconnectedGauge.set(d);
        disconnectedTotal.add(d);
    }

    private static final class Endpoint {
        private static final int COMMON_STATUSES = 600;

        final Set<String> methods;
        final Histogram size;
        final Histogram time;
        private final StatsRegistry registry;
        private final String statusPrefix;
        private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(COMMON_STATUSES);

        Endpoint(StatsRegistry registry, String route, Set<String> methods) {
            this.registry = registry;
            this.methods = methods;
            this.statusPrefix = "router.response." + route + ".status";
            // registered up front by krakend-metrics too; the bare ".status" counter stays 0 there as well
            registry.counter(statusPrefix);
            this.size = registry.histogram("router.response." + route + ".size");
            this.time = registry.histogram("router.response." + route + ".time");
        }

        Counter status(int status) {
            if (status < 0 || status >= COMMON_STATUSES) return registry.counter(statusPrefix + "." + status + ".count");
            Counter c = byStatus.get(status);
            if (c == null) {
                c = registry.counter(statusPrefix + "." + status + ".count");
                byStatus.set(status, c); // the registry hands every caller the same counter
            }
            return c;
        }
    }
}

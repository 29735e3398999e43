package dev.kgw.backend;

import io.vertx.core.Vertx;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.SrvRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sd: dns}: hosts come from a DNS SRV name, refreshed every {@code dns_cache_ttl}. As in lura, only the
 * records of the lowest priority are used, each repeated in proportion to its weight. A failed refresh keeps
 * the last good list so a DNS hiccup does not take the backend down.
 */
public final class DnsSrvBalancer implements Balancer {
    private static final Logger LOG = Logger.getLogger(DnsSrvBalancer.class.getName());

    private final String name;
    private final String scheme;
    private final DnsClient dns;
    private final AtomicReference<List<String>> hosts = new AtomicReference<>(List.of());
    private final AtomicInteger next = new AtomicInteger();

    public DnsSrvBalancer(Vertx vertx, String srvName, String scheme, Duration ttl) {
        this.name = srvName.replaceFirst("^[a-z]+://", "");
        this.scheme = scheme == null || scheme.isEmpty() ? "http" : scheme;
        this.dns = vertx.createDnsClient();
        refresh();
        vertx.setPeriodic(Math.max(1000, ttl.toMillis()), id -> refresh());
    }

    private void refresh() {
        dns.resolveSRV(name).onSuccess(records -> {
            List<String> expanded = expand(records, scheme);
            if (!expanded.isEmpty()) hosts.set(expanded);
        }).onFailure(e -> LOG.log(Level.WARNING, "DNS SRV lookup of " + name + " failed: " + e.getMessage()));
    }

    static List<String> expand(List<SrvRecord> records, String scheme) {
        if (records.isEmpty()) return List.of();
        int lowest = records.stream().mapToInt(SrvRecord::priority).min().orElse(0);
        List<SrvRecord> chosen = records.stream().filter(r -> r.priority() == lowest).toList();
        int gcd = chosen.stream().mapToInt(r -> Math.max(1, r.weight())).reduce(0, DnsSrvBalancer::gcd);
        int total = chosen.stream().mapToInt(r -> Math.max(1, r.weight()) / gcd).sum();
        List<String> out = new ArrayList<>();
        for (SrvRecord r : chosen) {
            int slots = Math.max(1, Math.max(1, r.weight()) / gcd * Math.min(100, total) / total);
            String target = r.target().endsWith(".") ? r.target().substring(0, r.target().length() - 1) : r.target();
            for (int i = 0; i < slots; i++) out.add(scheme + "://" + target + ":" + r.port());
        }
        return List.copyOf(out);
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    @Override
    public String next() {
        List<String> h = hosts.get();
        if (h.isEmpty()) throw new IllegalStateException("no hosts resolved yet for " + name);
        return h.get(Math.floorMod(next.getAndIncrement(), h.size()));
    }
}

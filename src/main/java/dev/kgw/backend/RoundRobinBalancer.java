package dev.kgw.backend;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads calls evenly over a fixed host list (repeat a host to weight it). KrakenD documents round robin;
 * we do exactly that rather than lura's random pick, so small host lists share load evenly.
 */
public final class RoundRobinBalancer implements Balancer {
    private final List<String> hosts;
    private final AtomicInteger next = new AtomicInteger();

    public RoundRobinBalancer(List<String> hosts) {
        if (hosts.isEmpty()) throw new IllegalArgumentException("no hosts to balance");
        this.hosts = List.copyOf(hosts);
    }

    @Override
    public String next() {
        if (hosts.size() == 1) return hosts.get(0);
        return hosts.get(Math.floorMod(next.getAndIncrement(), hosts.size()));
    }
}

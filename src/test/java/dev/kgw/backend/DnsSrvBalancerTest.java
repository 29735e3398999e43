package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.dns.SrvRecord;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsSrvBalancerTest {
    private static SrvRecord srv(int priority, int weight, int port, String target) {
        return new SrvRecord() {
            @Override public int priority() { return priority; }
            @Override public int weight() { return weight; }
            @Override public int port() { return port; }
            @Override public String name() { return "_api._tcp.example"; }
            @Override public String protocol() { return "tcp"; }
            @Override public String service() { return "api"; }
            @Override public String target() { return target; }
            @Override public long ttl() { return 30; }
        };
    }

    @Test
    void keepsOnlyTheLowestPriorityAndWeightsBySlots() {
        List<String> hosts = DnsSrvBalancer.expand(List.of(
                srv(10, 20, 8000, "a.example."), srv(10, 10, 8001, "b.example."), srv(20, 50, 9000, "c.example.")),
                "http");
        assertEquals(2, Collections.frequency(hosts, "http://a.example:8000"));
        assertEquals(1, Collections.frequency(hosts, "http://b.example:8001"));
        assertTrue(hosts.stream().noneMatch(h -> h.contains("c.example")));
    }

    @Test
    void usesTheConfiguredScheme() {
        assertEquals(List.of("https://a.example:443"), DnsSrvBalancer.expand(List.of(srv(1, 0, 443, "a.example")), "https"));
    }

    @Test
    void noRecordsGiveNoHosts() {
        assertTrue(DnsSrvBalancer.expand(List.of(), "http").isEmpty());
    }
}

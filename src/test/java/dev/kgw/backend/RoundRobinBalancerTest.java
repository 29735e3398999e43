package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {
    @Test
    void spreadsCallsEvenly() {
        RoundRobinBalancer b = new RoundRobinBalancer(List.of("http://a", "http://b", "http://c"));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) counts.merge(b.next(), 1, Integer::sum);
        assertEquals(Map.of("http://a", 100, "http://b", 100, "http://c", 100), counts);
    }

    @Test
    void repeatedHostsWeighTheBalance() {
        RoundRobinBalancer b = new RoundRobinBalancer(List.of("http://a", "http://a", "http://b"));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) counts.merge(b.next(), 1, Integer::sum);
        assertEquals(200, counts.get("http://a"));
    }

    @Test
    void refusesAnEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> new RoundRobinBalancer(List.of()));
    }
}

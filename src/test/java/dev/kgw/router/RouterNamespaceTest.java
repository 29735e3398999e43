package dev.kgw.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problems;
import org.junit.jupiter.api.Test;

class RouterNamespaceTest {
    private static RouterOptions parse(String json, Problems problems) throws Exception {
        return (RouterOptions) new RouterNamespace().parse(new ObjectMapper().readTree(json), "$.router", problems);
    }

    @Test
    void listenerBoundsAreReadAndZeroWhenAbsent() throws Exception {
        Problems p = new Problems();
        RouterOptions o = parse("{\"max_connections\": 5000, \"max_in_flight\": 300}", p);
        assertEquals(5000, o.maxConnections());
        assertEquals(300, o.maxInFlight());
        RouterOptions none = parse("{}", p);
        assertEquals(0, none.maxConnections());
        assertEquals(0, none.maxInFlight());
        assertTrue(p.all().isEmpty(), p.all().toString());
    }

    @Test
    void aBoundBelowOneIsAnError() throws Exception {
        Problems p = new Problems();
        parse("{\"max_connections\": 0, \"max_in_flight\": -4}", p);
        assertEquals(2, p.all().size(), p.all().toString());
        assertTrue(p.all().toString().contains("$.router.max_connections"), p.all().toString());
        assertTrue(p.all().toString().contains("$.router.max_in_flight"), p.all().toString());
    }
}

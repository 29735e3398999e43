package dev.kgw.telemetry.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsNamespaceTest {
    private static StatsOptions parse(String json, Problems problems) throws Exception {
        return (StatsOptions) new StatsNamespace().parse(new ObjectMapper().readTree(json), "$.x", problems);
    }

    @Test
    void emptyObjectMeansKrakendsDefaults() throws Exception {
        Problems p = new Problems();
        StatsOptions o = parse("{}", p);
        assertEquals(new StatsOptions(Duration.ofSeconds(60), "", 8090, false, false, false, false), o);
        assertTrue(p.all().isEmpty(), p.all().toString());
    }

    @Test
    void readsEveryOption() throws Exception {
        Problems p = new Problems();
        StatsOptions o = parse("""
            {"collection_time": "2m", "listen_address": "127.0.0.1:9100", "router_disabled": true,
             "proxy_disabled": true, "backend_disabled": true, "endpoint_disabled": true}""", p);
        assertEquals(new StatsOptions(Duration.ofMinutes(2), "127.0.0.1", 9100, true, true, true, true), o);
        assertEquals("::1", parse("{\"listen_address\": \"[::1]:9100\"}", p).host());
        assertEquals("localhost", parse("{\"listen_address\": \"localhost:0\"}", p).host());
        assertTrue(p.all().isEmpty(), p.all().toString());
    }

    @Test
    void unusableValuesAreErrorsWithTheirPath() throws Exception {
        for (String bad : List.of("8090", "host:http", ":70000", "::1:8090", "127.0.0.1:")) {
            Problems p = new Problems();
            parse("{\"listen_address\": \"" + bad + "\"}", p);
            assertEquals(1, p.errors().size(), bad + ": " + p.all());
            assertEquals("$.x.listen_address", p.errors().get(0).path());
        }
        for (String bad : List.of("\"0s\"", "\"soon\"", "true")) {
            Problems p = new Problems();
            parse("{\"collection_time\": " + bad + "}", p);
            assertEquals("$.x.collection_time", p.errors().get(0).path(), bad);
        }
        Problems p = new Problems();
        parse("{\"listen_adress\": \":1\"}", p);
        assertFalse(p.hasErrors());
        assertEquals("$.x.listen_adress", p.warnings().get(0).path(), "a typo is a warning");
    }

    @Test
    void registeredUnderBothNames() throws Exception {
        for (String name : List.of("telemetry/metrics", "github_com/devopsfaith/krakend-metrics")) {
            Problems p = new Problems();
            var config = new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "extra_config": {"%s": {"listen_address": ":9191"}}, "endpoints": []}
                """.formatted(name)), p);
            assertFalse(p.hasErrors(), p.all().toString());
            assertEquals(9191, config.extra().get(StatsNamespace.NAME, StatsOptions.class).orElseThrow().port(), name);
        }
    }
}

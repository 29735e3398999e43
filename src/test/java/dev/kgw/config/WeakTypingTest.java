package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** KrakenD decodes its config weakly typed: what it accepts is accepted, each coercion named, the rest refused. */
class WeakTypingTest {
    private final Problems problems = new Problems();

    private ServiceConfig parse(String json) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree(json), problems);
    }

    private Map<String, String> warnings() {
        return problems.warnings().stream().collect(Collectors.toMap(Problem::path, Problem::message));
    }

    private Map<String, String> errors() {
        return problems.errors().stream().collect(Collectors.toMap(Problem::path, Problem::message));
    }

    @Test
    void scalarsAreCoercedAsKrakendDoesEachWithAWarning() throws Exception {
        ServiceConfig c = parse("""
                {"version": "3", "port": "8080", "host": "http://x", "debug_endpoint": 1, "disable_rest": "false",
                 "max_idle_connections_per_host": "0x10",
                 "endpoints": [{"endpoint": "/a", "concurrent_calls": true,
                   "backend": [{"url_pattern": "/x", "group": 7, "is_collection": "T", "allow": ["a", 5]}]}]}""");

        assertEquals(Map.of(), errors());
        assertEquals(8080, c.port());
        assertEquals(List.of("http://x"), c.host());
        assertTrue(c.debugEndpoint());
        assertEquals(16, c.client().maxIdleConnectionsPerHost());
        EndpointConfig e = c.endpoints().get(0);
        assertEquals(1, e.concurrentCalls());
        assertEquals("7", e.backends().get(0).group());
        assertTrue(e.backends().get(0).isCollection());
        assertEquals(List.of("a", "5"), e.backends().get(0).allow());
        Map<String, String> w = warnings();
        assertEquals("\"8080\" (a string) is read as the number 8080, as KrakenD does", w.get("$.port"));
        assertEquals("\"http://x\" (a string) is read as the list [\"http://x\"], as KrakenD does", w.get("$.host"));
        assertEquals("true (a boolean) is read as 1, as KrakenD does", w.get("$.endpoints[0].concurrent_calls"));
        assertEquals("1 (a number) is read as true, as KrakenD does", w.get("$.debug_endpoint"));
        assertEquals("\"3\" (a string) is read as the number 3, as KrakenD does", w.get("$.version"));
        assertEquals("5 (a number) is read as \"5\", as KrakenD does", w.get("$.endpoints[0].backend[0].allow[1]"));
        assertTrue(w.containsKey("$.disable_rest") && w.containsKey("$.endpoints[0].backend[0].is_collection"), w.toString());
    }

    @Test
    void numbersWhereDurationsAreExpectedAreNanosecondsAndSaidSo() throws Exception {
        ServiceConfig c = parse("""
                {"version": 3, "timeout": 3, "cache_ttl": 0, "host": ["http://h"],
                 "endpoints": [{"endpoint": "/a", "timeout": 2.9, "backend": [{"url_pattern": "/x"}]}]}""");

        assertEquals(Map.of(), errors());
        assertEquals(Duration.ofNanos(3), c.timeout());
        assertEquals(Duration.ofNanos(2), c.endpoints().get(0).timeout());
        Map<String, String> w = warnings();
        assertEquals("3 (a number) is read as 3ns, as in Go: a duration without a unit is a number of nanoseconds"
                + " (write \"3s\" for seconds)", w.get("$.timeout"));
        assertTrue(w.get("$.endpoints[0].timeout").contains("is read as 2ns"), w.toString());
        assertEquals(2, w.size(), "0 means unset, no warning: " + w);
    }

    @Test
    void containersAreLiftedAndMergedAsMapstructureDoes() throws Exception {
        ServiceConfig c = parse("""
                {"version": 3, "host": ["http://h"], "extra_config": [],
                 "endpoints": {"endpoint": "/a", "backend": {"url_pattern": "/x",
                                "mapping": [{"a": "b"}, {"c": "d"}], "deny": {}}}}""");

        assertEquals(Map.of(), errors());
        BackendConfig b = c.endpoints().get(0).backends().get(0);
        assertEquals("/x", b.urlPattern());
        assertEquals(Map.of("a", "b", "c", "d"), b.mapping());
        assertEquals(List.of(), b.deny());
        assertEquals(Map.of(
                "$.extra_config", "[] (an empty list) is read as an empty object, as KrakenD does",
                "$.endpoints", "an object is read as a list of that one object, as KrakenD does",
                "$.endpoints[0].backend", "an object is read as a list of that one object, as KrakenD does",
                "$.endpoints[0].backend[0].mapping", "a list of objects is read as one object with all their keys, as KrakenD does",
                "$.endpoints[0].backend[0].deny", "{} (an empty object) is read as an empty list, as KrakenD does"),
                warnings());
    }

    @Test
    void keysMatchCaseInsensitivelyAsInKrakend() throws Exception {
        ServiceConfig c = parse("""
                {"Version": 3, "Host": ["http://h"],
                 "Endpoints": [{"Endpoint": "/a", "Backend": [{"URL_Pattern": "/x"}]}]}""");

        assertEquals(Map.of(), errors());
        assertEquals("/x", c.endpoints().get(0).backends().get(0).urlPattern());
        assertEquals("read as \"url_pattern\": KrakenD matches keys case-insensitively",
                warnings().get("$.Endpoints[0].Backend[0].URL_Pattern"));
    }

    @Test
    void whatKrakendRefusesStaysAnError() throws Exception {
        parse("""
                {"version": 3, "port": "80a", "host": {"a": 1}, "echo_endpoint": "yes", "timeout": "3000",
                 "endpoints": [{"endpoint": "/a", "concurrent_calls": "08", "cache_ttl": [1],
                                "backend": "x"}]}""");

        Map<String, String> e = errors();
        assertTrue(e.keySet().containsAll(List.of("$.endpoints[0].backend[0]", "$.endpoints[0].cache_ttl",
                "$.endpoints[0].concurrent_calls", "$.echo_endpoint", "$.host[0]", "$.port", "$.timeout")),
                e.toString());
        assertTrue(e.get("$.port").startsWith("cannot parse \"80a\" as an integer"), e.get("$.port"));
        assertTrue(e.get("$.echo_endpoint").startsWith("cannot parse \"yes\" as a boolean"));
        assertEquals("time: missing unit in duration \"3000\"", e.get("$.timeout"));
        assertEquals("must be an object, found string", e.get("$.endpoints[0].backend[0]"));
        assertEquals("must be a string, found object", e.get("$.host[0]"), "an object is a list of one object");
    }
}

package dev.kgw.qos.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpCacheNamespaceTest {
    private static final String AT = "$.endpoints[0].backend[0].extra_config[\"qos/http-cache\"]";
    private final Problems problems = new Problems();

    private CacheOptions parse(String options) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "backend": [{"url_pattern": "/x",
                    "extra_config": {"qos/http-cache": %s}}]}]}""".formatted(options)), problems)
                .endpoints().get(0).backends().get(0).extra().get(HttpCacheNamespace.NAME, CacheOptions.class)
                .orElseThrow();
    }

    @Test
    void bothBoundsMakeTheLru() throws Exception {
        assertEquals(new CacheOptions(true, 100, 4096, true),
                parse("{\"shared\": true, \"max_items\": 100, \"max_size\": 4096}"));
        assertEquals(List.of(), problems.all());
    }

    @Test
    void noBoundIsAWarningAndTheNodesDefaults() throws Exception {
        CacheOptions o = parse("{}");
        assertEquals(List.of(), problems.errors());
        Problem w = problems.all().get(0);
        assertEquals(AT, w.path());
        assertTrue(w.message().contains("KrakenD keeps every answer"), w.message());
        assertTrue(!o.bounded() && o.maxItems() == HttpCacheNamespace.DEFAULT_ITEMS && o.maxBytes() > 0);
    }

    @Test
    void oneBoundWithoutTheOtherOrANegativeOneIsAnError() throws Exception {
        parse("{\"max_items\": 10}");
        assertEquals(List.of(AT + ".max_size"), problems.errors().stream().map(Problem::path).toList());
        Problems again = new Problems();
        new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "backend": [{"url_pattern": "/x",
                    "extra_config": {"qos/http-cache": {"max_items": -1, "max_size": 10}}}]}]}"""), again);
        assertTrue(again.errors().stream().anyMatch(p -> p.path().equals(AT + ".max_items")), again.all().toString());
    }
}

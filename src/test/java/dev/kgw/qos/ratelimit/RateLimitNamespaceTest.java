package dev.kgw.qos.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitNamespaceTest {
    private final Problems problems = new Problems();

    private void parse(String serviceExtra) throws Exception {
        new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "extra_config": %s, "endpoints": [
                  {"endpoint": "/free", "backend": [{"url_pattern": "/x"}]},
                  {"endpoint": "/a", "extra_config": {"qos/ratelimit/router/redis": {"max_rate": 5,
                    "connection_pool": "shard"}}, "backend": [{"url_pattern": "/x"}]}]}""".formatted(serviceExtra)),
                problems);
    }

    @Test
    void aClusterLimitNamingAPoolTheFileDoesNotDefineIsAnErrorAtItsPath() throws Exception {
        parse("""
                {"redis": {"connection_pools": [{"name": "shared", "address": "redis:6379"}]}}""");
        List<Problem> errors = problems.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("$.endpoints[1].extra_config[\"qos/ratelimit/router/redis\"].connection_pool",
                errors.get(0).path());
        assertTrue(errors.get(0).message().contains("'shard'") && errors.get(0).message().contains("shared"),
                errors.get(0).message());
    }

    @Test
    void withoutAnyRedisNamespaceTheErrorSaysSo() throws Exception {
        parse("{}");
        assertEquals(1, problems.errors().size(), problems.all().toString());
        assertTrue(problems.errors().get(0).message().contains("defines none"), problems.errors().toString());
    }

    @Test
    void aPoolThatExistsIsFine() throws Exception {
        parse("""
                {"redis": {"connection_pools": [{"name": "shard", "address": "redis:6379"}]}}""");
        assertEquals(List.of(), problems.errors());
    }
}

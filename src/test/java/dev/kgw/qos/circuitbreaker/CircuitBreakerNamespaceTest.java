package dev.kgw.qos.circuitbreaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerNamespaceTest {
    private final Problems problems = new Problems();

    private ServiceConfig parse(String options) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "backend": [{"url_pattern": "/x",
                    "extra_config": {"qos/circuit-breaker": %s}}]}]}""".formatted(options)), problems);
    }

    private BreakerOptions options(ServiceConfig c) {
        return c.endpoints().get(0).backends().get(0).extra().get(CircuitBreakerNamespace.NAME, BreakerOptions.class)
                .orElseThrow();
    }

    @Test
    void krakendsKeysWithFloatsTruncatedAsGoDoes() throws Exception {
        BreakerOptions o = options(parse("""
                {"interval": 60, "timeout": 10.9, "max_errors": 1.5, "name": "cb", "log_status_change": true}"""));
        assertEquals(java.util.List.of(), problems.errors());
        assertEquals(new BreakerOptions("cb", Duration.ofSeconds(60), Duration.ofSeconds(10), 1, true, false), o);
    }

    @Test
    void anAllZeroConfigIsNoBreakerAsInKrakenD() throws Exception {
        assertTrue(options(parse("{}")).isZero());
        assertTrue(!options(parse("{\"max_errors\": 1}")).isZero());
    }

    @Test
    void negativeNumbersAreErrorsAtTheirPath() throws Exception {
        parse("{\"interval\": -1, \"timeout\": 5, \"max_errors\": -2}");
        assertEquals(2, problems.errors().size(), problems.all().toString());
        assertEquals("$.endpoints[0].backend[0].extra_config[\"qos/circuit-breaker\"].interval",
                problems.errors().get(0).path());
        assertEquals("$.endpoints[0].backend[0].extra_config[\"qos/circuit-breaker\"].max_errors",
                problems.errors().get(1).path());
    }
}

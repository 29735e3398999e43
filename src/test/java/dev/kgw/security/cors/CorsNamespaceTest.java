package dev.kgw.security.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code security/cors} through the node's config parser: accepted under both names, bad values with paths. */
class CorsNamespaceTest {
    private final Problems problems = new Problems();

    private ServiceConfig parse(String key, String cors) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "extra_config": {"%s": %s},
                 "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}""".formatted(key, cors)),
                problems);
    }

    @Test
    void theNamespaceIsImplementedUnderItsNameAndItsLegacyName() throws Exception {
        for (String key : List.of("security/cors", "github_com/devopsfaith/krakend-cors")) {
            ServiceConfig c = parse(key, "{\"allow_origins\": [\"https://*.example.com\"]}");
            assertEquals(List.of(), problems.all(), key);
            assertTrue(c.extra().get(CorsNamespace.NAME, CorsOptions.class).isPresent(), key);
        }
    }

    @Test
    void badValuesAreErrorsAtTheirPaths() throws Exception {
        parse("security/cors", """
                {"options_success_status": 700, "max_age": "-5s", "allow_origins": ["https://ok.com", "https://*.*.com"]}""");
        Map<String, String> errors = problems.errors().stream().collect(Collectors.toMap(Problem::path,
                Problem::message));
        String at = "$.extra_config[\"security/cors\"].";
        assertEquals(java.util.Set.of(at + "options_success_status", at + "max_age", at + "allow_origins[1]"),
                errors.keySet(), errors.toString());
        assertTrue(errors.get(at + "allow_origins[1]").contains("one wildcard"));
    }

    @Test
    void anUnparsableMaxAgeIsAnError() throws Exception {
        parse("security/cors", "{\"max_age\": \"12 hours\"}");
        assertEquals(List.of("$.extra_config[\"security/cors\"].max_age"),
                problems.errors().stream().map(Problem::path).toList());
    }
}

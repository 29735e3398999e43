package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.qos.ratelimit.RateLimitNamespace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A namespace the node does not implement must never be ignored silently when it changes traffic. */
class UnimplementedNamespacesTest {
    private final Problems problems = new Problems();

    /** JWT at an endpoint, a server plugin at the service, JSON schema at an endpoint, a breaker at a backend. */
    static final String SECURED = """
            {"version": 3, "host": ["http://h"],
             "extra_config": {"plugin/http-server": {"name": ["acme"]}},
             "endpoints": [
               {"endpoint": "/open", "backend": [{"url_pattern": "/x"}]},
               {"endpoint": "/private", "extra_config": {"auth/validator": {"alg": "RS256"},
                                                        "validation/json-schema": {"type": "object"}},
                "backend": [{"url_pattern": "/y",
                             "extra_config": {"qos/circuit-breaker": {"max_errors": 1}}}]}]}""";

    private ServiceConfig parse(String json, boolean allowUnsupported) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry(), allowUnsupported)
                .parse(new ObjectMapper().readTree(json), problems);
    }

    private static Map<String, String> byPath(List<Problem> list) {
        return list.stream().collect(Collectors.toMap(Problem::path, Problem::message));
    }

    @Test
    void trafficNamespacesThatAreNotImplementedAreErrorsWithTheirPath() throws Exception {
        parse(SECURED, false);

        Map<String, String> errors = byPath(problems.errors());
        assertEquals(Set.of("$.extra_config[\"plugin/http-server\"]", "$.endpoints[1].extra_config[\"auth/validator\"]",
                "$.endpoints[1].extra_config[\"validation/json-schema\"]",
                "$.endpoints[1].backend[0].extra_config[\"qos/circuit-breaker\"]"), errors.keySet());
        assertTrue(errors.get("$.endpoints[1].extra_config[\"auth/validator\"]")
                .startsWith("namespace auth/validator is not implemented by this node"), errors.toString());
        assertTrue(errors.get("$.extra_config[\"plugin/http-server\"]").contains("--allow-unsupported"));
    }

    @Test
    void legacyNamesAreRecognisedAsWhatTheyAlias() throws Exception {
        parse("""
                {"version": 3, "host": ["http://h"], "endpoints": [{"endpoint": "/a",
                  "extra_config": {"github.com/devopsfaith/krakend-jose/validator": {},
                                   "github.com/devopsfaith/krakend-ratelimit/juju/router": {"max_rate": 5}},
                  "backend": [{"url_pattern": "/x"}]}]}""", false);

        assertEquals(List.of("namespace github.com/devopsfaith/krakend-jose/validator (auth/validator) is not "
                        + "implemented by this node"),
                problems.errors().stream().map(p -> p.message().substring(0, p.message().indexOf(':'))).toList());
        assertEquals(List.of(), problems.warnings());
    }

    @Test
    void legacyNameOfAnImplementedNamespaceIsParsedByIt() throws Exception {
        ServiceConfig c = parse("""
                {"version": 3, "host": ["http://h"], "endpoints": [{"endpoint": "/a",
                  "extra_config": {"github.com/devopsfaith/krakend-ratelimit/juju/router": {"max_rate": 5}},
                  "backend": [{"url_pattern": "/x"}]}]}""", false);

        assertEquals(List.of(), problems.all());
        assertTrue(c.endpoints().get(0).extra().namespaces().containsKey(RateLimitNamespace.NAME));
    }

    @Test
    void allowUnsupportedTurnsEachOccurrenceIntoALoudWarning() throws Exception {
        parse(SECURED, true);

        assertEquals(List.of(), problems.errors());
        List<Problem> loud = problems.warnings().stream()
                .filter(p -> p.message().contains("NOT IMPLEMENTED")).toList();
        assertEquals(4, loud.size(), problems.all().toString());
        assertTrue(loud.stream().allMatch(p -> p.message().contains("WITHOUT it")), loud.toString());
    }

    @Test
    void namespacesThatOnlyObserveOrDocumentAreWarnings() throws Exception {
        parse("""
                {"version": 3, "host": ["http://h"],
                 "extra_config": {"telemetry/gelf": {"address": "x:12201"}, "documentation/openapi": {}},
                 "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}""", false);

        assertEquals(List.of(), problems.errors());
        Map<String, String> warnings = byPath(problems.warnings());
        assertEquals(Set.of("$.extra_config[\"telemetry/gelf\"]", "$.extra_config[\"documentation/openapi\"]"),
                warnings.keySet());
        assertTrue(warnings.get("$.extra_config[\"documentation/openapi\"]")
                .contains("documentation/openapi (KrakenD EE) is not implemented by this node"), warnings.toString());
    }

    @Test
    void unknownNamespacesSuggestTheClosestKnownName() throws Exception {
        parse("""
                {"version": 3, "host": ["http://h"], "extra_config": {"security/cros": {}, "acme/thing": {}},
                 "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}""", false);

        assertEquals(Map.of(
                "$.extra_config[\"security/cros\"]", "unknown namespace, ignored (did you mean security/cors?)",
                "$.extra_config[\"acme/thing\"]", "unknown namespace, ignored"), byPath(problems.all()));
    }

    @Test
    void everyImplementedNamespaceIsInTheCatalog() {
        Set<String> catalogued = new HashSet<>();
        NamespaceCatalog.all().forEach(e -> catalogued.add(e.name()));
        for (OptionsParser ns : Namespaces.builtIn().registry().all()) {
            assertTrue(catalogued.contains(ns.name()), ns.name() + " is implemented but not catalogued");
        }
    }

    @Test
    void catalogNamesAndLegacyNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (NamespaceCatalog.Entry e : NamespaceCatalog.all()) {
            assertTrue(seen.add(e.name()), e.name());
            for (String legacy : e.legacyNames()) assertTrue(seen.add(legacy), legacy);
        }
        assertTrue(seen.size() > 80, "CE and EE namespaces with their legacy names: " + seen.size());
    }
}

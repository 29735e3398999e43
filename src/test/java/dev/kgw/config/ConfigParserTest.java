package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {
    private final Problems problems = new Problems();

    private ServiceConfig parse(String json) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree(json), problems);
    }

    /** A valid config with one endpoint; {@code endpoint} is the JSON of its single endpoint object. */
    private ServiceConfig parseEndpoint(String endpoint) throws Exception {
        return parse("{\"version\": 3, \"host\": [\"http://h\"], \"endpoints\": [" + endpoint + "]}");
    }

    private List<String> errorPaths() {
        return problems.errors().stream().map(Problem::path).toList();
    }

    private static String ep(String path, String urlPattern) {
        return "{\"endpoint\": \"" + path + "\", \"backend\": [{\"url_pattern\": \"" + urlPattern + "\"}]}";
    }

    @Test
    void defaults() throws Exception {
        ServiceConfig c = parseEndpoint(ep("/a", "/x"));

        assertEquals(List.of(), problems.all());
        assertEquals(8080, c.port());
        assertEquals(Duration.ofSeconds(2), c.timeout());
        EndpointConfig e = c.endpoints().get(0);
        assertEquals("GET", e.method());
        assertEquals(Duration.ofSeconds(2), e.timeout());
        assertEquals("json", e.outputEncoding());
        assertEquals(1, e.concurrentCalls());
        BackendConfig b = e.backends().get(0);
        assertEquals(List.of("http://h"), b.host());
        assertEquals("GET", b.method());
        assertEquals("json", b.encoding());
    }

    @Test
    void endpointInheritsRootSettings() throws Exception {
        ServiceConfig c = parse("""
                {"version": 3, "timeout": "3s", "cache_ttl": "1m", "output_encoding": "xml", "host": ["h:8000/"],
                 "endpoints": [
                   {"endpoint": "/a", "method": "post", "backend": [{"url_pattern": "x"}]},
                   {"endpoint": "/b", "timeout": "500ms", "output_encoding": "string",
                    "backend": [{"url_pattern": "/y", "method": "PUT", "host": ["https://other"]}]}]}""");

        assertEquals(List.of(), problems.all());
        EndpointConfig a = c.endpoints().get(0);
        assertEquals(Duration.ofSeconds(3), a.timeout());
        assertEquals(Duration.ofMinutes(1), a.cacheTtl());
        assertEquals("xml", a.outputEncoding());
        assertEquals("POST", a.method());
        assertEquals("POST", a.backends().get(0).method(), "backend method defaults to the endpoint's");
        assertEquals("/x", a.backends().get(0).urlPattern());
        assertEquals(List.of("http://h:8000"), a.backends().get(0).host(), "root host, sanitised");
        EndpointConfig b = c.endpoints().get(1);
        assertEquals(Duration.ofMillis(500), b.timeout());
        assertEquals("string", b.outputEncoding());
        assertEquals("PUT", b.backends().get(0).method());
        assertEquals(List.of("https://other"), b.backends().get(0).host());
    }

    @Test
    void noOpOutputForcesNoOpBackend() throws Exception {
        ServiceConfig c = parseEndpoint("""
                {"endpoint": "/a", "output_encoding": "no-op",
                 "backend": [{"url_pattern": "/x", "encoding": "xml"}]}""");

        assertEquals("no-op", c.endpoints().get(0).backends().get(0).encoding());
    }

    @Test
    void versionMustBe3() throws Exception {
        parse("{\"version\": 2, \"endpoints\": []}");

        assertEquals(List.of("$.version"), errorPaths());
        assertEquals("unsupported version: 2 (want: 3)", problems.errors().get(0).message());
    }

    @Test
    void endpointWithoutBackends() throws Exception {
        parseEndpoint("{\"endpoint\": \"/a\", \"backend\": []}");

        assertEquals(List.of("$.endpoints[0].backend"), errorPaths());
        assertTrue(problems.errors().get(0).message().contains("0 backends"));
    }

    @Test
    void badDurationPointsAtItsEndpoint() throws Exception {
        parse("{\"version\": 3, \"host\": [\"http://h\"], \"endpoints\": [" + ep("/a", "/x") + ","
                + "{\"endpoint\": \"/b\", \"timeout\": \"10\", \"backend\": [{\"url_pattern\": \"/x\"}]}]}");

        assertEquals(List.of("$.endpoints[1].timeout"), errorPaths());
        assertEquals("time: missing unit in duration \"10\"", problems.errors().get(0).message());
    }

    @Test
    void urlPatternParamMustBeAnEndpointParam() throws Exception {
        parseEndpoint(ep("/users/{id}", "/u/{id}/{name}"));

        assertEquals(List.of("$.endpoints[0].backend[0].url_pattern"), errorPaths());
        assertTrue(problems.errors().get(0).message().contains("'name'"));
    }

    @Test
    void respAndJwtPlaceholdersAreNotEndpointParams() throws Exception {
        parseEndpoint(ep("/a", "/u/{resp0_user.id}/{JWT.sub}"));

        assertEquals(List.of(), problems.errors());
    }

    @Test
    void hostWithAPathIsInvalid() throws Exception {
        parseEndpoint("""
                {"endpoint": "/a", "backend": [{"url_pattern": "/x", "host": ["http://h/path", "http://ok"]}]}""");

        assertEquals(List.of("$.endpoints[0].backend[0].host[0]"), errorPaths());
    }

    @Test
    void noOpAllowsOnlyOneBackend() throws Exception {
        parseEndpoint("""
                {"endpoint": "/a", "output_encoding": "no-op",
                 "backend": [{"url_pattern": "/x"}, {"url_pattern": "/y"}]}""");

        assertEquals(List.of("$.endpoints[0].backend"), errorPaths());
    }

    @Test
    void duplicatedEndpoint() throws Exception {
        parse("{\"version\": 3, \"host\": [\"http://h\"], \"endpoints\": ["
                + ep("/a", "/x") + "," + ep("/b", "/x") + "," + ep("/a", "/y") + "]}");

        assertEquals(List.of("$.endpoints[2]"), errorPaths());
        assertTrue(problems.errors().get(0).message().contains("$.endpoints[0]"));
    }

    @Test
    void everyMistakeIsReportedNotJustTheFirst() throws Exception {
        parse("""
                {"version": 2, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "backend": []},
                  {"endpoint": "/b", "timeout": "1x", "backend": [{"url_pattern": "/x"}]},
                  {"endpoint": "/c", "backend": [{"url_pattern": "/{missing}"}]}]}""");

        assertEquals(List.of("$.version", "$.endpoints[0].backend", "$.endpoints[1].timeout",
                "$.endpoints[2].backend[0].url_pattern"), errorPaths());
    }

    @Test
    void unknownKeysAndNamespacesAreWarnings() throws Exception {
        parse("""
                {"version": 3, "host": ["http://h"], "colour": "blue",
                 "extra_config": {"acme/unknown": {}, "proxy": {"sequential": true}},
                 "endpoints": [{"endpoint": "/a", "bakend": [],
                   "backend": [{"url_pattern": "/x", "extra_config": {"my_plugin": 1}}]}]}""");

        assertEquals(List.of(), problems.errors());
        assertEquals(Map.of(
                "$.colour", "unknown key, ignored",
                "$.extra_config[\"acme/unknown\"]", "unknown namespace, ignored",
                "$.extra_config.proxy", "namespace not used at service level, ignored",
                "$.endpoints[0].bakend", "unknown key, ignored (did you mean backend?)",
                "$.endpoints[0].backend[0].extra_config.my_plugin", "unknown namespace, ignored"),
                problems.warnings().stream().collect(
                        java.util.stream.Collectors.toMap(Problem::path, Problem::message)));
    }

    @Test
    void commentKeysProduceNothing() throws Exception {
        parse("""
                {"version": 3, "host": ["http://h"], "@comment": "x", "$schema": "s", "_note": 1, "#tag": [],
                 "extra_config": {"@comment": "y"},
                 "endpoints": [{"endpoint": "/a", "@c": 1,
                   "backend": [{"url_pattern": "/x", "_c": 2, "extra_config": {"$ref": 3}}]}]}""");

        assertEquals(List.of(), problems.all());
    }

    @Test
    void environmentOverridesRootPort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("krakend.json");
        Files.writeString(file, "{\"version\": 3, \"port\": 8000, \"host\": [\"http://h\"], \"endpoints\": ["
                + ep("/a", "/x") + "]}");

        ConfigParser parser = new ConfigParser(Namespaces.builtIn().registry());

        assertEquals(8000, parser.load(file, Map.of()).config().port());
        assertEquals(9999, parser.load(file, Map.of("KRAKEND_PORT", "9999")).config().port());
    }

    @Test
    void flexibleConfigurationIsRefusedForAnyValueOfFcEnable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("krakend.tmpl");
        Files.writeString(file, "{\"version\": 3, \"endpoints\": [{{ template \"e.tmpl\" . }}]}");
        ConfigParser parser = new ConfigParser(Namespaces.builtIn().registry());

        for (String value : List.of("1", "0")) {
            ConfigException e = assertThrows(ConfigException.class, () -> parser.load(file, Map.of("FC_ENABLE", value)));
            assertTrue(e.getMessage().contains("flexible configuration (FC_ENABLE templates) is not supported by this"
                    + " node"), e.getMessage());
        }
        ConfigException raw = assertThrows(ConfigException.class, () -> parser.load(file, Map.of("FC_ENABLE", "")));
        assertTrue(raw.getMessage().contains("syntax error"), "unset: read as JSON: " + raw.getMessage());
    }

    @Test
    void loadThrowsWithEveryError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"version\": 1, \"endpoints\": [{\"endpoint\": \"/a\"}]}");

        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigParser(Namespaces.builtIn().registry()).load(file, Map.of()));

        assertEquals(List.of("$.version", "$.endpoints[0].backend"),
                e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void yamlAndTomlMeanTheSameAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("k.json");
        Files.writeString(json, """
                {"version": 3, "name": "same", "port": 8081, "timeout": "3s", "host": ["http://h:8000"],
                 "endpoints": [{"endpoint": "/users/{id}", "method": "POST",
                   "extra_config": {"proxy": {"sequential": true}},
                   "backend": [{"url_pattern": "/u/{id}", "allow": ["a", "b"]},
                               {"url_pattern": "/p/{resp0_a}", "mapping": {"a": "b"}}]}]}""");
        Path yaml = dir.resolve("k.yml");
        Files.writeString(yaml, """
                version: 3
                name: same
                port: 8081
                timeout: 3s
                host: ["http://h:8000"]
                endpoints:
                  - endpoint: "/users/{id}"
                    method: POST
                    extra_config:
                      proxy:
                        sequential: true
                    backend:
                      - url_pattern: "/u/{id}"
                        allow: [a, b]
                      - url_pattern: "/p/{resp0_a}"
                        mapping: {a: b}
                """);
        Path toml = dir.resolve("k.toml");
        Files.writeString(toml, """
                version = 3
                name = "same"
                port = 8081
                timeout = "3s"
                host = ["http://h:8000"]

                [[endpoints]]
                endpoint = "/users/{id}"
                method = "POST"

                [endpoints.extra_config.proxy]
                sequential = true

                [[endpoints.backend]]
                url_pattern = "/u/{id}"
                allow = ["a", "b"]

                [[endpoints.backend]]
                url_pattern = "/p/{resp0_a}"
                mapping = { a = "b" }
                """);
        ConfigParser parser = new ConfigParser(Namespaces.builtIn().registry());

        ConfigParser.Result fromJson = parser.load(json, Map.of());

        assertEquals(List.of(), fromJson.problems());
        assertEquals(8081, fromJson.config().port());
        assertEquals(fromJson, parser.load(yaml, Map.of()));
        assertEquals(fromJson, parser.load(toml, Map.of()));
    }
}

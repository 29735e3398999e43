package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an operator runs it: {@code check}, {@code run}, exit codes, signals. */
class CliIT {
    @TempDir
    Path dir;

    /** Four planted mistakes; every one must be reported with its JSON path. */
    static final String BROKEN = """
        {"version": 3, "timeout": "3 seconds",
         "endpoints": [
           {"endpoint": "/a/{id}", "backend": [{"host": ["http://x.example/path"], "url_pattern": "/a/{uid}"}]},
           {"endpoint": "/b", "backend": []}
         ]}
        """;

    @Test
    void checkListsEveryErrorWithItsPath() throws Exception {
        Path cfg = write("broken.json", BROKEN);
        Result r = krakend("check", "-c", cfg.toString());
        assertEquals(1, r.code, r.all());
        assertTrue(r.err.contains("$.timeout: time: unknown unit \" seconds\" in duration \"3 seconds\""), r.all());
        assertTrue(r.err.contains("$.endpoints[0].backend[0].host[0]: host http://x.example/path not valid"), r.all());
        assertTrue(r.err.contains("$.endpoints[0].backend[0].url_pattern: undefined output param 'uid'"), r.all());
        assertTrue(r.err.contains("$.endpoints[1].backend: ignoring the 'GET /b' endpoint, since it has 0 backends"),
                r.all());
        assertTrue(r.err.contains(cfg.toString()), "messages name the file");
    }

    @Test
    void runRefusesTheSameConfigWithTheSameMessages() throws Exception {
        Path cfg = write("broken.json", BROKEN);
        Result check = krakend("check", "-c", cfg.toString());
        Result run = krakend("run", "-c", cfg.toString());
        assertEquals(1, run.code, run.all());
        for (String line : check.err.lines().filter(l -> l.startsWith("ERROR")).toList()) {
            assertTrue(run.err.contains(line), "run should say: " + line + "\n" + run.all());
        }
    }

    @Test
    void checkTestRoutesReportsCollisionsInsteadOfCrashing() throws Exception {
        Path cfg = write("routes.json", """
            {"version": 3, "host": ["http://127.0.0.1:1"], "endpoints": [
              {"endpoint": "/x/{id}", "backend": [{"url_pattern": "/a"}]},
              {"endpoint": "/x/{name}/y", "backend": [{"url_pattern": "/b"}]}]}
            """);
        assertEquals(0, krakend("check", "-c", cfg.toString()).code);
        Result r = krakend("check", "-t", "-c", cfg.toString());
        assertEquals(1, r.code, r.all());
        assertTrue(r.err.contains("$.endpoints[1]") && r.err.contains("{name}") && r.err.contains("{id}"), r.all());
    }

    @Test
    void routesThatDifferOnlyByMethodAreCheckedAndServed() throws Exception {
        int port = Nodes.freePort();
        Path cfg = write("methods.json", """
            {"version": 3, "port": %d, "echo_endpoint": true, "host": ["http://127.0.0.1:%d"], "endpoints": [
              {"endpoint": "/c/{communityID}", "backend": [{"url_pattern": "/__echo/community/{communityID}"}]},
              {"endpoint": "/c/{userID}", "method": "POST",
               "backend": [{"url_pattern": "/__echo/user/{userID}"}]}]}
            """.formatted(port, port));
        Result check = krakend("check", "-t", "-c", cfg.toString());
        assertEquals(0, check.code, check.all());
        Process p = start("run", "-c", cfg.toString());
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI url = URI.create("http://127.0.0.1:" + port + "/c/42");
            HttpResponse<String> get = Nodes.awaitAnswer(client, url, p, 20);
            assertEquals(200, get.statusCode(), get.body());
            assertTrue(get.body().contains("/community/42"), get.body());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(url)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(post.body().contains("/user/42"), post.body());
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(url)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, put.statusCode());
            assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(""));
        } finally {
            p.destroy();
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    }

    @Test
    void unimplementedSecurityNamespacesAreRefusedUnlessExplicitlyAllowed() throws Exception {
        int port = Nodes.freePort();
        Path cfg = write("schema.json", """
            {"version": 3, "port": %d, "debug_endpoint": true, "host": ["http://127.0.0.1:%d"], "endpoints": [
              {"endpoint": "/a", "backend": [{"url_pattern": "/__debug/a"}]},
              {"endpoint": "/b", "backend": [{"url_pattern": "/__debug/b"}]},
              {"endpoint": "/c", "backend": [{"url_pattern": "/__debug/c"}]},
              {"endpoint": "/private", "extra_config": {"validation/json-schema": {"type": "object"}},
               "backend": [{"url_pattern": "/__debug/private"}]}]}
            """.formatted(port, port));
        String error = "ERROR " + cfg + ": $.endpoints[3].extra_config[\"validation/json-schema\"]: namespace "
                + "validation/json-schema"
                + " is not implemented by this node";
        Result check = krakend("check", "-c", cfg.toString());
        assertEquals(1, check.code, check.all());
        assertTrue(check.err.contains(error), check.all());
        Result run = krakend("run", "-c", cfg.toString());
        assertEquals(1, run.code, run.all());
        assertTrue(run.err.contains(error), run.all());

        Path log = dir.resolve("allowed.log");
        Process p = new ProcessBuilder(Nodes.command(List.of(), "run", "--allow-unsupported", "-c", cfg.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpResponse<String> served = Nodes.awaitAnswer(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/private"), p, 20);
            assertEquals(200, served.statusCode(), "started anyway, as asked");
        } finally {
            p.destroy();
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        List<String> loud = Files.readAllLines(log).stream().filter(l -> l.startsWith("WARNING " + cfg
                + ": $.endpoints[3].extra_config[\"validation/json-schema\"]: namespace validation/json-schema is NOT "
                + "IMPLEMENTED"))
                .toList();
        assertEquals(1, loud.size(), String.join("\n", Files.readAllLines(log)));
    }

    @Test
    void checkAcceptsWhatKrakendsWeakDecodingAcceptsAndSaysHow() throws Exception {
        Path cfg = write("weak.json", """
            {"version": 3, "port": "8080", "host": "http://127.0.0.1:1", "timeout": 3,
             "endpoints": [{"endpoint": "/a", "concurrent_calls": true,
                            "backend": [{"url_pattern": "/x", "alow": ["a"]}]}]}
            """);
        Result r = krakend("check", "-c", cfg.toString());
        assertEquals(0, r.code, r.all());
        String at = "WARNING " + cfg + ": ";
        assertTrue(r.err.contains(at + "$.port: \"8080\" (a string) is read as the number 8080"), r.all());
        assertTrue(r.err.contains(at + "$.host: \"http://127.0.0.1:1\" (a string) is read as the list"), r.all());
        assertTrue(r.err.contains(at + "$.endpoints[0].concurrent_calls: true (a boolean) is read as 1"), r.all());
        assertTrue(r.err.contains(at + "$.timeout: 3 (a number) is read as 3ns"), r.all());
        assertTrue(r.err.contains(at + "$.endpoints[0].backend[0].alow: unknown key, ignored (did you mean allow?)"),
                r.all());
    }

    @Test
    void runServesAndStopsCleanlyOnSigterm() throws Exception {
        int port = Nodes.freePort();
        Path cfg = write("ok.yaml", """
            version: 3
            port: %d
            endpoints:
              - endpoint: /ping
                backend:
                  - host: ["http://127.0.0.1:%d"]
                    url_pattern: /__debug/ping
            """.formatted(port, port));
        Process p = start("run", "-d", "-c", cfg.toString());
        try {
            HttpResponse<String> ping = Nodes.awaitAnswer(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/ping"), p, 20);
            assertEquals(200, ping.statusCode());
            assertEquals("{\"message\":\"pong\"}", ping.body());
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the node did not stop on SIGTERM");
        assertEquals(0, p.exitValue());
    }

    @Test
    void logstashLoggingWritesJsonLinesWithTheAccessLog() throws Exception {
        int port = Nodes.freePort();
        Path cfg = write("log.json", """
            {"version": 3, "port": %d, "debug_endpoint": true,
             "extra_config": {"telemetry/logging": {"level": "INFO", "stdout": true, "format": "logstash",
                                                    "prefix": "[KGW]"}},
             "endpoints": [{"endpoint": "/ping", "backend": [{"host": ["http://127.0.0.1:%d"],
                                                            "url_pattern": "/__debug/ping"}]}]}
            """.formatted(port, port));
        Path out = dir.resolve("stdout.log");
        Process p = new ProcessBuilder(Nodes.command(List.of(), "run", "-c", cfg.toString()))
                .redirectOutput(out.toFile()).start();
        try {
            assertEquals(200, Nodes.awaitAnswer(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/ping"), p, 20).statusCode());
        } finally {
            p.destroy();
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().allMatch(l -> l.matches("\\{\"@timestamp\":\"[^\"]+\",\"@version\":1,\"level\":\"\\w+\","
                + "\"module\":\"\\[KGW]\",\"message\":\".*\"}")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("[GIN]") && l.contains("\\\"/ping\\\"")),
                "an access line for /ping: " + String.join("\n", lines));
    }

    @Test
    void helpOfEachCommandExitsZeroAndUsageErrorsExitOne() throws Exception {
        Result run = krakend("run", "--help");
        assertEquals(0, run.code, run.all());
        assertTrue(run.out.contains("Usage: krakend run") && run.out.contains("--allow-unsupported"), run.all());
        Result check = krakend("check", "--help");
        assertEquals(0, check.code, check.all());
        assertTrue(check.out.contains("--lint") && check.out.contains("/etc/krakend/krakend.json"), check.all());

        Result unknown = krakend("check", "--bogus");
        assertEquals(1, unknown.code, unknown.all());
        assertTrue(unknown.err.contains("Unknown option: '--bogus'"), unknown.all());
        assertEquals(1, krakend("run", "-p", "eighty").code);
    }

    @Test
    void lintMakesEveryWarningAnError() throws Exception {
        Path warned = write("warned.json", """
            {"version": 3, "host": ["http://127.0.0.1:1"], "colour": "blue",
             "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}
            """);
        Path clean = write("clean.json", """
            {"version": 3, "host": ["http://127.0.0.1:1"],
             "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}
            """);
        assertEquals(0, krakend("check", "-c", warned.toString()).code, "without --lint a warning is fine");
        Result lint = krakend("check", "--lint", "-c", warned.toString());
        assertEquals(1, lint.code, lint.all());
        assertTrue(lint.err.contains("ERROR " + warned + ": $.colour: unknown key, ignored"), lint.all());
        assertEquals(0, krakend("check", "-l", "-c", clean.toString()).code);
        Result schema = krakend("check", "--lint-schema", "s.json", "-c", clean.toString());
        assertEquals(1, schema.code);
        assertTrue(schema.err.contains("--lint-schema is not supported by this node") && schema.err.contains("--lint"),
                schema.all());
    }

    @Test
    void withoutDashCTheDefaultPathIsReadAndItsAbsenceSaidPlainly() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/etc/krakend/krakend.json")), "this host has a KrakenD config");
        Result r = krakend("check");
        assertEquals(1, r.code, r.all());
        assertTrue(r.err.contains("ERROR /etc/krakend/krakend.json: no such file (KrakenD's default path"), r.all());
    }

    @Test
    void flexibleConfigurationIsRefusedPlainly() throws Exception {
        Path cfg = write("fc.json", "{\"version\": 3, \"endpoints\": [{{ template \"endpoints.tmpl\" . }}]}");
        Result r = krakend(Map.of("FC_ENABLE", "1"), "run", "-c", cfg.toString());
        assertEquals(1, r.code, r.all());
        assertTrue(r.err.contains("flexible configuration (FC_ENABLE templates) is not supported by this node"),
                r.all());
        assertTrue(!r.err.contains("syntax error"), "no raw JSON error: " + r.all());
    }

    @Test
    void aConfigTooLargeForTheHeapIsRefusedInsteadOfKillingTheNode() throws Exception {
        // 3 MiB of ordinary endpoints: its tree alone outgrows the launcher's 64 MB heap
        StringBuilder json = new StringBuilder("{\"version\": 3, \"host\": [\"http://127.0.0.1:1\"], \"endpoints\": [");
        for (int i = 0; json.length() < 3 << 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"endpoint\": \"/svc").append(i).append("/items/{id}\", ")
                    .append("\"backend\": [{\"url_pattern\": \"/items/{id}\", \"allow\": [\"id\", \"name\"]}]}");
        }
        Path cfg = write("huge.json", json.append("]}").toString());
        Process p = new ProcessBuilder(Nodes.command(List.of("-Xmx64m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"), "run", "-c", cfg.toString())).start();
        byte[] err = p.getErrorStream().readAllBytes();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), stderr);
        assertTrue(stderr.contains("ERROR " + cfg + ": $: the file is too large for a config: 3.0 MiB")
                && stderr.contains("more than the limit of"), stderr);
    }

    @Test
    void versionPrintsTheKrakendCompatibility() throws Exception {
        Result r = krakend("version");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("KrakenD CE 2.13.8 compatible"), r.all());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private record Result(int code, String out, String err) {
        String all() { return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err; }
    }

    private static Process start(String... args) throws IOException {
        return new ProcessBuilder(Nodes.command(List.of(), args)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Result krakend(String... args) throws Exception { return krakend(Map.of(), args); }

    private static Result krakend(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Nodes.command(List.of(), args));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}

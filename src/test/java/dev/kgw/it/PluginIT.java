package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin ({@code examples/plugin}), compiled against the node's classes into a jar in a
 * {@code plugins/} folder next to the config, loaded into the packaged node as a process: its server filter,
 * endpoint filter (a rejection with status, headers and body; an attribute), backend middleware and client
 * interceptor all act, and its whole-file validation speaks through {@code check}.
 */
class PluginIT {
    private static final Path EXAMPLE = Path.of("examples", "plugin", "src", "main");

    @TempDir
    static Path dir;
    private static TestBackend backend;
    private static Process node;
    private static int port;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        buildPlugin(dir.resolve("plugins").resolve("stamp.jar"));
        backend = new TestBackend();
        port = Nodes.freePort();
        Path cfg = dir.resolve("krakend.json");
        Files.writeString(cfg, """
                {"version": 3, "port": %d,
                 "extra_config": {"example/stamp": {"by": "edge-1"}},
                 "endpoints": [
                  {"endpoint": "/stamped",
                   "extra_config": {"example/stamp": {"deny_header": "X-Deny", "user_header": "X-User"}},
                   "backend": [{"host": ["%s"], "url_pattern": "/stamp",
                                "extra_config": {"example/stamp": {"stamp": "v1"}}}]},
                  {"endpoint": "/plain", "backend": [{"host": ["%s"], "url_pattern": "/stamp"}]}
                 ]}""".formatted(port, backend.url(), backend.url()));
        node = new ProcessBuilder(Nodes.command(List.of(), "run", "-c", cfg.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile()).start();
        Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), node, 30);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) Nodes.stopNode(node);
        if (backend != null) backend.close();
    }

    /** javac and jar, as a plugin author would run them: against the node's classes, nothing bundled. */
    static void buildPlugin(Path jar) throws IOException {
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> sources;
        try (Stream<Path> s = Files.walk(EXAMPLE.resolve("java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the example plugin compiles");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes, classes);
            add(out, EXAMPLE.resolve("resources"), EXAMPLE.resolve("resources"));
        }
    }

    private static void add(JarOutputStream out, Path root, Path dirOrFile) throws IOException {
        try (Stream<Path> s = Files.walk(dirOrFile)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFiltersTheMiddlewareAndTheInterceptorAllAct() throws Exception {
        HttpResponse<String> r = get("/stamped", "X-User", "ada");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("edge-1", r.headers().firstValue("X-Stamped-By").orElse(null), "the server filter decorates");
        assertEquals("{\"claim\":\"ada\",\"stamp\":\"v1 by edge-1\"}", r.body(),
                "the attribute reached the backend middleware, the interceptor stamped the call");
    }

    @Test
    void anEndpointWithoutTheNamespaceIsUntouchedButStillDecorated() throws Exception {
        HttpResponse<String> r = get("/plain", "X-User", "ada", "X-Deny", "1");
        assertEquals(200, r.statusCode());
        assertEquals("{\"claim\":null,\"stamp\":null}", r.body(), "no attribute, no stamp: the backend saw neither");
        assertEquals("edge-1", r.headers().firstValue("X-Stamped-By").orElse(null));
    }

    @Test
    void aRejectionIsWrittenAsItIs() throws Exception {
        HttpResponse<String> r = get("/stamped", "X-Deny", "yes");
        assertEquals(403, r.statusCode());
        assertEquals("{\"error\":\"denied\"}", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("example/stamp", r.headers().firstValue("X-Denied-By").orElse(null));
        assertNull(r.headers().firstValue("X-Krakend").orElse(null), "no envelope, as KrakenD's aborts");
        assertEquals("edge-1", r.headers().firstValue("X-Stamped-By").orElse(null));
    }

    @Test
    void theServerFilterRunsOnPathsWithNoEndpoint() throws Exception {
        HttpResponse<String> r = get("/nothing/here");
        assertEquals(404, r.statusCode());
        assertEquals("edge-1", r.headers().firstValue("X-Stamped-By").orElse(null));
    }

    @Test
    void checkLoadsThePluginAndReportsItsCrossReferenceWithItsPath() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(dir.resolve("plugins").resolve("stamp.jar"),
                Files.createDirectories(other.resolve("plugins")).resolve("stamp.jar"));
        Path cfg = other.resolve("krakend.json");
        Files.writeString(cfg, """
                {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://h"],
                  "url_pattern": "/x", "extra_config": {"example/stamp": {"stamp": "v1"}}}]}]}""");
        Process check = new ProcessBuilder(Nodes.command(List.of(), "check", "-c", cfg.toString()))
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        assertEquals(1, check.waitFor(), out);
        assertTrue(out.contains("plugin namespace example/stamp"), out);
        assertTrue(out.contains("$.endpoints[0].backend[0].extra_config[\"example/stamp\"].stamp"), out);
        assertTrue(out.contains("needs the service-level \"by\""), out);
    }
}

package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole node in-process, against a real HTTP backend, driven over real sockets. */
class GatewayIT {
    static TestBackend backend;
    static Gateway gateway;
    static int port;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        port = Nodes.freePort();
        String b = backend.url();
        String config = """
            {"version": 3, "port": %d, "timeout": "300ms", "cache_ttl": "30s",
             "extra_config": {"router": {"return_error_msg": true}},
             "endpoints": [
              {"endpoint": "/merged", "backend": [
                 {"host": ["%s"], "url_pattern": "/user", "allow": ["name", "address.city"]},
                 {"host": ["%s"], "url_pattern": "/posts", "is_collection": true, "mapping": {"collection": "posts"}}]},
              {"endpoint": "/partial", "backend": [
                 {"host": ["%s"], "url_pattern": "/user", "group": "user"},
                 {"host": ["%s"], "url_pattern": "/slow", "group": "slow"}]},
              {"endpoint": "/failing", "backend": [{"host": ["%s"], "url_pattern": "/teapot"}]},
              {"endpoint": "/coded", "backend": [{"host": ["%s"], "url_pattern": "/teapot",
                 "extra_config": {"backend/http": {"return_error_code": true}}}]},
              {"endpoint": "/echo/{id}", "method": "POST", "input_query_strings": ["keep"],
               "input_headers": ["Content-Type", "Content-Length"],
               "backend": [{"host": ["%s"], "url_pattern": "/echo?id={id}"}]},
              {"endpoint": "/noop", "method": "POST", "output_encoding": "no-op",
               "backend": [{"host": ["%s"], "url_pattern": "/noop"}]},
              {"endpoint": "/upload", "method": "PUT", "output_encoding": "no-op", "timeout": "10s",
               "backend": [{"host": ["%s"], "url_pattern": "/count"}]},
              {"endpoint": "/down", "backend": [{"host": ["http://127.0.0.1:%d"], "url_pattern": "/x"}]}
             ]}
            """.formatted(port, b, b, b, b, b, b, b, b, b, Nodes.freePort());
        Path file = Files.createTempFile("kgw-it", ".json");
        Files.writeString(file, config);
        gateway = new Gateway(new ConfigParser(Namespaces.builtIn().registry()).load(file, Map.of()).config());
        gateway.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        backend.close();
    }

    @Test
    void mergesFiltersAndRenamesLikeKrakend() throws Exception {
        HttpResponse<String> r = get("/merged");
        assertEquals(200, r.statusCode());
        assertEquals("{\"address\":{\"city\":\"London\"},\"name\":\"Ada\",\"posts\":[{\"t\":\"a\"},{\"t\":\"b\"}]}", r.body());
        assertEquals("true", r.headers().firstValue("X-Krakend-Completed").orElse(null));
        assertEquals("public, max-age=30", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("Version 2.13.8", r.headers().firstValue("X-Krakend").orElse(null));
    }

    @Test
    void slowBackendGivesPartialAnswerWithoutCacheControl() throws Exception {
        HttpResponse<String> r = get("/partial");
        assertEquals(200, r.statusCode());
        assertEquals("false", r.headers().firstValue("X-Krakend-Completed").orElse(null));
        assertTrue(r.headers().firstValue("Cache-Control").isEmpty());
        assertTrue(r.body().startsWith("{\"user\":"), r.body());
        assertTrue(!r.body().contains("slow"), r.body());
    }

    @Test
    void failingBackendGives500WithTheErrorMessage() throws Exception {
        HttpResponse<String> r = get("/failing");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().startsWith("invalid status code 418 [GET /teapot]"), r.body());
        assertEquals("false", r.headers().firstValue("X-Krakend-Completed").orElse(null));
    }

    @Test
    void returnErrorCodePassesTheStatusAndBody() throws Exception {
        HttpResponse<String> r = get("/coded");
        assertEquals(418, r.statusCode());
        assertEquals("short and stout", r.body());
        assertEquals("text/plain", r.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void onlyAllowedQueryAndHeadersReachTheBackend() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo/42?keep=1&drop=2"))
                .header("Content-Type", "text/plain").header("X-Secret", "s3cret").header("X-Forwarded-For", "6.6.6.6")
                .POST(HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("\"query\":\"id=42\\u0026keep=1\""), body);
        assertTrue(body.contains("\"body\":\"payload\""), body);
        assertTrue(body.contains("\"xff\":\"127.0.0.1\""), body);
        assertTrue(body.contains("\"ua\":\"KrakenD Version 2.13.8\""), body);
        assertTrue(body.contains("\"secret\":null"), body);
    }

    @Test
    void noopPassesStatusHeadersAndBody() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/noop"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode());
        assertEquals("accepted x", r.body());
        assertEquals("yes", r.headers().firstValue("X-Upstream").orElse(null));
        assertEquals("false", r.headers().firstValue("X-Krakend-Completed").orElse(null));
    }

    @Test
    void noopStreamsALargeRequestBodyToTheBackend() throws Exception {
        byte[] big = new byte[8 << 20];
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/upload"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        // Content-Length is not among the forwarded headers, so (as KrakenD) the body goes out chunked
        assertEquals("{\"bytes\":" + big.length + ",\"chunked\":true}", r.body());
    }

    @Test
    void unreachableBackendGives500AndTheNodeStaysUp() throws Exception {
        assertEquals(500, get("/down").statusCode());
        assertEquals(200, get("/__health").statusCode());
    }

    @Test
    void routerErrorsAndRedirects() throws Exception {
        HttpResponse<String> notFound = get("/nope");
        assertEquals(404, notFound.statusCode());
        assertEquals("404 page not found", notFound.body());
        HttpResponse<String> notAllowed = client.send(HttpRequest.newBuilder(URI.create(base() + "/merged"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, notAllowed.statusCode());
        HttpResponse<String> redirect = get("/MERGED");
        assertEquals(301, redirect.statusCode());
        assertEquals("/merged", redirect.headers().firstValue("Location").orElse(null));
    }

    @Test
    void encodedPathParamsAreRefused() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/echo/a%252Fb"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
    }

    @Test
    void malformedAndOversizedRequestsGet4xxAndTheNodeStaysUp() throws Exception {
        assertTrue(raw("GARBAGE\r\n\r\n").matches("HTTP/1\\.[01] 400 (?s).*"));
        assertTrue(raw("GET /merged HTTP/1.1\r\nBad Header\r\n\r\n").startsWith("HTTP/1.1 400"));
        String big = "GET /merged HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2 << 20) + "\r\n\r\n";
        assertTrue(raw(big).startsWith("HTTP/1.1 431"));
        assertEquals(200, get("/__health").statusCode());
    }

    @Test
    void healthHasKrakendShape() throws Exception {
        HttpResponse<String> r = get("/__health");
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
        assertTrue(r.body().matches("\\{\"agents\":\\{},\"config_fingerprint\":\"[0-9a-f]{16}\",\"now\":\"[^\"]+\","
                + "\"status\":\"ok\"}"), r.body());
        assertEquals(gateway.config().fingerprint(), r.body().replaceAll(".*\"config_fingerprint\":\"([0-9a-f]+)\".*", "$1"));
        assertNull(r.headers().firstValue("X-Krakend-Completed").orElse(null));
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it read everything
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base() { return "http://127.0.0.1:" + port; }
}

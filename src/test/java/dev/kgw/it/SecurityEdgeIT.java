package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged node as a process with {@code security/cors}, {@code security/http} and {@code security/bot-detector}
 * in front of a real backend, seen byte for byte from a socket: a preflight on a path without endpoint, a CORS
 * request through a no-op endpoint whose backend has its own CORS headers, the security headers, the host check,
 * and bots refused at the service and at an endpoint without the backend ever seeing them.
 */
class SecurityEdgeIT {
    private static TestBackend backend;
    private static Process node;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        port = Nodes.freePort();
        node = Nodes.runNode(List.of(), """
                {"version": 3, "port": %d,
                 "extra_config": {
                   "security/cors": {"allow_origins": ["https://*.app.example"], "allow_methods": ["GET", "POST"],
                                     "allow_headers": ["Content-Type", "X-Token"], "max_age": "1h"},
                   "github_com/devopsfaith/krakend-httpsecure": {"allowed_hosts": ["127.0.0.1:%d"],
                                     "frame_deny": true, "content_type_nosniff": true},
                   "security/bot-detector": {"deny": ["EvilBot/1.0"], "patterns": ["(?i)scrapy"], "cache_size": 100}},
                 "endpoints": [
                   {"endpoint": "/passthrough", "output_encoding": "no-op",
                    "backend": [{"host": ["%s"], "url_pattern": "/cors", "encoding": "no-op"}]},
                   {"endpoint": "/user", "backend": [{"host": ["%s"], "url_pattern": "/user"}],
                    "extra_config": {"security/bot-detector": {"deny": ["EndpointOnlyBot"]}}}]}
                """.formatted(port, port, backend.url(), backend.url()), port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) Nodes.stopNode(node);
        if (backend != null) backend.close();
    }

    private static RawHttp.Response send(String method, String path, String... headers) throws Exception {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            req.append(h).append("\r\n");
            host |= h.regionMatches(true, 0, "Host:", 0, 5);
        }
        if (!host) req.append("Host: 127.0.0.1:").append(port).append("\r\n");
        req.append("Connection: close\r\n\r\n");
        try (RawHttp c = new RawHttp(port, 5000)) {
            return c.exchange(req.toString());
        }
    }

    @Test
    void aPreflightOnAPathWithoutEndpointIsAnsweredByCorsAlone() throws Exception {
        RawHttp.Response r = send("OPTIONS", "/no/such/endpoint", "Origin: https://web.app.example",
                "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type,x-token",
                "User-Agent: EvilBot/1.0");
        assertEquals(204, r.status(), "answered before the bot detector and the router");
        assertEquals(List.of("https://web.app.example"), r.headers().get("access-control-allow-origin"));
        assertEquals("POST", r.header("Access-Control-Allow-Methods"));
        assertEquals("content-type,x-token", r.header("Access-Control-Allow-Headers"));
        assertEquals("3600", r.header("Access-Control-Max-Age"));
        assertEquals("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", r.header("Vary"));
        assertNull(r.header("X-Frame-Options"), "CORS sits in front of the engine, as in KrakenD");

        RawHttp.Response denied = send("OPTIONS", "/user", "Origin: https://evil.example",
                "Access-Control-Request-Method: GET");
        assertEquals(204, denied.status());
        assertNull(denied.header("Access-Control-Allow-Origin"), "a denied origin gets no Allow-* headers");
    }

    @Test
    void aNoOpBackendsOwnCorsHeaderNeverDuplicatesTheGateways() throws Exception {
        int before = backend.hits("/cors");
        RawHttp.Response r = send("GET", "/passthrough", "Origin: https://web.app.example", "User-Agent: Mozilla/5.0");
        assertEquals(200, r.status());
        assertEquals("{\"cors\":\"backend\"}", r.body());
        assertEquals(before + 1, backend.hits("/cors"));
        assertEquals(List.of("https://web.app.example"), r.headers().get("access-control-allow-origin"),
                "exactly one value, the gateway's");
        assertEquals(List.of("Origin", "Accept-Encoding"), r.headers().get("vary"), "both Vary values kept");
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void aHostNotAllowedGetsBadHost() throws Exception {
        RawHttp.Response r = send("GET", "/user", "Host: evil.example", "User-Agent: Mozilla/5.0");
        assertEquals(500, r.status());
        assertEquals("Bad Host\n", r.body());
        assertEquals("Origin", r.header("Vary"), "CORS ran first, as it wraps the engine");
    }

    @Test
    void botsAreRefusedWithoutReachingTheBackend() throws Exception {
        int cors = backend.hits("/cors");
        int user = backend.hits("/user");
        for (String ua : List.of("EvilBot/1.0", "Mozilla/5.0 (compatible; Scrapy/2.11)")) {
            RawHttp.Response r = send("GET", "/passthrough", "User-Agent: " + ua);
            assertEquals(403, r.status(), ua);
            assertEquals("", r.body());
            assertNull(r.header("X-Krakend"), "a filter's rejection carries no envelope");
        }
        RawHttp.Response atEndpoint = send("GET", "/user", "User-Agent: EndpointOnlyBot");
        assertEquals(403, atEndpoint.status());
        assertEquals(200, send("GET", "/passthrough", "User-Agent: EndpointOnlyBot").status(),
                "the endpoint's list guards that endpoint only");
        assertEquals(200, send("GET", "/user", "User-Agent: Mozilla/5.0").status());
        assertEquals(cors + 1, backend.hits("/cors"), "only the allowed request reached the backend");
        assertEquals(user + 1, backend.hits("/user"));
    }

    @Test
    void checkRefusesAPatternThatDoesNotCompile() throws Exception {
        Path cfg = Files.createTempFile("kgw-bad-bot", ".json");
        Files.writeString(cfg, """
                {"version": 3, "extra_config": {"security/bot-detector": {"patterns": ["(unclosed"]}},
                 "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://127.0.0.1:1"], "url_pattern": "/"}]}]}""");
        Process check = new ProcessBuilder(Nodes.command(List.of(), "check", "-c", cfg.toString()))
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, check.exitValue(), out);
        assertTrue(out.contains("$.extra_config[\"security/bot-detector\"].patterns[0]"), out);
    }
}

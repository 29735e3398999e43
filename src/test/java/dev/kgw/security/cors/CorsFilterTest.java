package dev.kgw.security.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problems;
import dev.kgw.proxy.Rejection;
import dev.kgw.security.PlainExchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rs/cors v1.11.1's decisions as KrakenD configures it, one case per rule. */
class CorsFilterTest {
    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    /** The conformance suite's own CORS block. */
    static final String SUITE = """
            {"allow_origins": ["*"], "allow_methods": ["POST", "GET"],
             "allow_headers": ["Origin", "Authorization", "Content-Type"], "expose_headers": ["Content-Length"],
             "max_age": "12h"}""";

    private final Problems problems = new Problems();

    private CorsFilter cors(String json) throws Exception {
        CorsOptions o = (CorsOptions) new CorsNamespace().parse(new ObjectMapper().readTree(json),
                "$.extra_config[\"security/cors\"]", problems);
        assertEquals(List.of(), problems.all());
        return new CorsFilter(o);
    }

    private static PlainExchange preflight(String origin, String method) {
        PlainExchange ex = new PlainExchange("OPTIONS", "/nowhere/at/all?a=1");
        if (origin != null) ex.with("Origin", origin);
        return ex.with("Access-Control-Request-Method", method);
    }

    private static Map<String, List<String>> answer(CorsFilter f, PlainExchange ex) {
        Rejection r = f.filter(ex);
        assertNotNull(r, "a preflight is answered by the filter");
        assertEquals(204, r.status());
        assertEquals(0, r.bodyLength());
        return r.headers();
    }

    private static void deniedButAnswered(CorsFilter f, PlainExchange ex) {
        Map<String, List<String>> h = answer(f, ex);
        assertEquals(Map.of("Vary", List.of(PREFLIGHT_VARY)), h, "204 and Vary, no Access-Control-Allow-*");
    }

    @Test
    void anAllowedPreflightOnAPathWithoutEndpointEchoesTheRequestedMethodAndHeaders() throws Exception {
        Map<String, List<String>> h = answer(cors(SUITE), preflight("http://foo.example", "GET")
                .with("Access-Control-Request-Headers", "content-type,origin"));
        assertEquals(Map.of("Vary", List.of(PREFLIGHT_VARY), "Access-Control-Allow-Origin", List.of("*"),
                "Access-Control-Allow-Methods", List.of("GET"),
                "Access-Control-Allow-Headers", List.of("content-type,origin"),
                "Access-Control-Max-Age", List.of("43200")), h);
    }

    @Test
    void aDeniedMethodOrHeaderStillGets204WithoutAllowHeaders() throws Exception {
        CorsFilter f = cors(SUITE);
        deniedButAnswered(f, preflight("http://foo.example.tld", "PUT"));
        deniedButAnswered(f, preflight("http://foo.example", "POST").with("Access-Control-Request-Headers",
                "X-PINGOTHER"));
        deniedButAnswered(f, preflight(null, "GET"));
    }

    @Test
    void requestedHeadersMustBeLowerCaseSortedAndUnique() throws Exception {
        CorsFilter f = cors(SUITE);
        for (String bad : List.of("Content-Type", "origin,content-type", "content-type,content-type",
                "content-type,x-other", "  content-type", "content-type  ")) {
            deniedButAnswered(f, preflight("http://a.example", "GET").with("Access-Control-Request-Headers", bad));
        }
        for (String good : List.of("content-type", " content-type ,\torigin", "authorization,content-type,origin",
                "", ",,content-type,")) {
            Map<String, List<String>> h = answer(f, preflight("http://a.example", "GET")
                    .with("Access-Control-Request-Headers", good));
            assertEquals(List.of("*"), h.get("Access-Control-Allow-Origin"), "'" + good + "' is accepted");
        }
    }

    @Test
    void headerTokensTolerateSixteenEmptyElementsAndNoMore() {
        HeaderTokens t = new HeaderTokens(List.of("X-A", "x-b"));
        assertTrue(t.accepts(List.of(",".repeat(16) + "x-a")), "16 empty elements");
        assertFalse(t.accepts(List.of(",".repeat(17) + "x-a")), "17 empty elements");
        assertTrue(t.accepts(List.of("x-a", "x-b")), "a list split over two header lines, still in order");
        assertFalse(t.accepts(List.of("x-b", "x-a")), "out of order across lines");
        assertFalse(t.accepts(List.of("x-a" + "a".repeat(10_000))), "a long name is read no further than needed");
    }

    @Test
    void oneWildcardMatchesAPrefixAndASuffixThatDoNotOverlap() throws Exception {
        CorsFilter f = cors("""
                {"allow_origins": ["https://*.Example.com", "http://ab*ba"], "allow_methods": ["GET"]}""");
        Map<String, List<String>> h = answer(f, preflight("https://API.example.com", "GET"));
        assertEquals(List.of("https://API.example.com"), h.get("Access-Control-Allow-Origin"),
                "compared lower-case, echoed as sent");
        deniedButAnswered(f, preflight("https://example.com", "GET"));
        deniedButAnswered(f, preflight("https://api.example.com.evil.net", "GET"));
        deniedButAnswered(f, preflight("http://aba", "GET"));
        assertNotNull(answer(f, preflight("http://abba", "GET")).get("Access-Control-Allow-Origin"));
    }

    @Test
    void credentialsAndPrivateNetworkAreSentOnlyWhenAllowed() throws Exception {
        CorsFilter f = cors("""
                {"allow_credentials": true, "allow_private_network": true}""");
        Map<String, List<String>> h = answer(f, preflight("http://x", "HEAD")
                .with("Access-Control-Request-Private-Network", "true"));
        assertEquals(List.of("*"), h.get("Access-Control-Allow-Origin"), "rs/cors keeps * even with credentials");
        assertEquals(List.of("true"), h.get("Access-Control-Allow-Credentials"));
        assertEquals(List.of("true"), h.get("Access-Control-Allow-Private-Network"));
        assertEquals(List.of(PREFLIGHT_VARY + ", Access-Control-Request-Private-Network"), h.get("Vary"));
        assertNull(h.get("Access-Control-Max-Age"), "no max_age, no header");
        assertNull(answer(f, preflight("http://x", "PUT")).get("Access-Control-Allow-Origin"),
                "default methods: GET, POST, HEAD");
    }

    @Test
    void anActualRequestGetsVaryAlwaysAndCorsHeadersForAnAllowedOriginAndMethod() throws Exception {
        CorsFilter f = cors("""
                {"allow_origins": ["http://foo.example"], "allow_methods": ["GET"],
                 "expose_headers": ["content-length", "x-custom-thing"], "allow_credentials": true}""");
        PlainExchange plain = new PlainExchange("GET", "/a");
        assertNull(f.filter(plain));
        assertEquals(Map.of("vary", "Origin"), plain.responseHeaders(), "Vary even without Origin");

        PlainExchange ok = new PlainExchange("GET", "/a").with("Origin", "http://foo.example");
        assertNull(f.filter(ok));
        assertEquals(Map.of("vary", "Origin", "access-control-allow-origin", "http://foo.example",
                "access-control-expose-headers", "Content-Length, X-Custom-Thing",
                "access-control-allow-credentials", "true"), ok.responseHeaders());

        PlainExchange put = new PlainExchange("PUT", "/a").with("Origin", "http://foo.example");
        assertNull(f.filter(put));
        assertEquals(Map.of("vary", "Origin"), put.responseHeaders(), "a method not allowed gets no CORS headers");

        PlainExchange other = new PlainExchange("GET", "/a").with("Origin", "http://bar.example");
        assertNull(f.filter(other));
        assertEquals(Map.of("vary", "Origin"), other.responseHeaders());

        PlainExchange optionsWithoutMethod = new PlainExchange("OPTIONS", "/a").with("Origin", "http://foo.example");
        assertNull(f.filter(optionsWithoutMethod), "OPTIONS without Access-Control-Request-Method is no preflight");
        assertEquals("http://foo.example", optionsWithoutMethod.responseHeaders().get("access-control-allow-origin"));
    }

    @Test
    void optionsPassthroughLeavesThePreflightToTheRouterWithItsHeadersSet() throws Exception {
        CorsFilter f = cors("""
                {"options_passthrough": true, "max_age": "90s"}""");
        PlainExchange ex = preflight("http://x", "GET").with("Access-Control-Request-Headers", "x-any");
        assertNull(f.filter(ex), "the router answers");
        assertEquals(Map.of("vary", PREFLIGHT_VARY, "access-control-allow-origin", "*",
                "access-control-allow-methods", "GET", "access-control-allow-headers", "x-any",
                "access-control-max-age", "90"), ex.responseHeaders());
    }

    @Test
    void theSuccessStatusIsConfigurable() throws Exception {
        Rejection r = cors("""
                {"options_success_status": 200}""").filter(preflight("http://x", "GET"));
        assertEquals(200, r.status());
    }
}

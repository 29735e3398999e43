package dev.kgw.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import dev.kgw.proxy.Rejection;
import dev.kgw.security.HealthCheck;
import dev.kgw.security.PlainExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** unrolled/secure v1.15.0's checks and headers, as krakend-httpsecure configures them. */
class SecureFilterTest {
    private static final String AT = "$.extra_config[\"security/http\"]";
    private final Problems problems = new Problems();

    private HttpSecureOptions options(String json) throws Exception {
        return (HttpSecureOptions) new HttpSecureNamespace().parse(new ObjectMapper().readTree(json), AT, problems);
    }

    private SecureFilter secure(String json) throws Exception {
        HttpSecureOptions o = options(json);
        assertEquals(List.of(), problems.all());
        return new SecureFilter(o, HealthCheck.at("/__health"));
    }

    private static PlainExchange get(String host) { return new PlainExchange("GET", "/a/b?x=1").with("Host", host); }

    private static void badHost(Rejection r) {
        assertEquals(500, r.status());
        assertEquals("Bad Host\n", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("text/plain; charset=utf-8", r.contentType());
        assertEquals(Map.of("X-Content-Type-Options", List.of("nosniff")), r.headers());
    }

    @Test
    void aHostNotAllowedGetsGosBadHostAndNoHeaders() throws Exception {
        SecureFilter f = secure("""
                {"allowed_hosts": ["api.example.com"], "frame_deny": true}""");
        PlainExchange evil = get("evil.com");
        badHost(f.filter(evil));
        assertEquals(Map.of(), evil.responseHeaders(), "a refused request gets none of the security headers");
        badHost(f.filter(get("api.example.com:8080")));
        PlainExchange ok = get("API.Example.com");
        assertNull(f.filter(ok), "compared case-insensitively");
        assertEquals(Map.of("x-frame-options", "DENY"), ok.responseHeaders());
    }

    @Test
    void hostRegexesAreAnchoredAsUnrolledSecureAnchorsThem() throws Exception {
        SecureFilter f = secure("""
                {"allowed_hosts": [".*\\\\.internal", "a|b"], "allowed_hosts_are_regex": true}""");
        assertNull(f.filter(get("x.internal")));
        badHost(f.filter(get("x.internal.evil")));
        assertNull(f.filter(get("a-anything")), "^a|b$: the alternation anchors only its outer ends");
        assertNull(f.filter(get("anything-b")));
        badHost(f.filter(get("c")));
    }

    @Test
    void aHostRegexThatDoesNotCompileIsAnErrorAtItsPath() throws Exception {
        options("""
                {"allowed_hosts": ["ok", "(unclosed"], "allowed_hosts_are_regex": true}""");
        assertEquals(List.of(AT + ".allowed_hosts[1]"), problems.errors().stream().map(Problem::path).toList());
    }

    @Test
    void aProxyHeaderNamesTheHostWhenPresent() throws Exception {
        SecureFilter f = secure("""
                {"allowed_hosts": ["public.example"], "host_proxy_headers": ["X-Forwarded-Host"]}""");
        assertNull(f.filter(get("10.0.0.7:8080").with("X-Forwarded-Host", "public.example")));
        badHost(f.filter(get("public.example").with("X-Forwarded-Host", "other.example")));
    }

    @Test
    void clearHttpIsRedirectedPermanentlyToTheSameUrlOverHttps() throws Exception {
        SecureFilter f = secure("""
                {"ssl_redirect": true, "sts_seconds": 300}""");
        Rejection r = f.filter(get("api.example.com").with("X-Forwarded-Proto", "https"));
        assertEquals(301, r.status());
        assertEquals(List.of("https://api.example.com/a/b?x=1"), r.headers().get("Location"));
        assertEquals(List.of("text/html; charset=utf-8"), r.headers().get("Content-Type"));
        assertEquals("<a href=\"https://api.example.com/a/b?x=1\">Moved Permanently</a>.\n\n",
                new String(r.body(), StandardCharsets.UTF_8));
        Rejection post = f.filter(new PlainExchange("POST", "/p").with("Host", "h"));
        assertEquals(List.of("https://h/p"), post.headers().get("Location"));
        assertEquals(0, post.bodyLength(), "only GET gets a body");
        assertNull(post.headers().get("Content-Type"));

        PlainExchange tls = get("api.example.com").overTls();
        assertNull(f.filter(tls));
        assertEquals("max-age=300", tls.responseHeaders().get("strict-transport-security"));
    }

    @Test
    void theSslHostReplacesTheHostAndAProxyHeaderSaysTheRequestWasHttps() throws Exception {
        SecureFilter f = secure("""
                {"ssl_redirect": true, "ssl_host": "secure.example:8443",
                 "ssl_proxy_headers": {"X-Forwarded-Proto": "https"}, "sts_seconds": 60,
                 "sts_include_subdomains": true}""");
        assertEquals(List.of("https://secure.example:8443/a/b?x=1"),
                f.filter(get("plain.example")).headers().get("Location"));
        PlainExchange proxied = get("plain.example").with("X-Forwarded-Proto", "https");
        assertNull(f.filter(proxied));
        assertEquals("max-age=60; includeSubDomains", proxied.responseHeaders().get("strict-transport-security"));
    }

    @Test
    void hstsIsSentOverClearHttpOnlyWhenForced() throws Exception {
        PlainExchange clear = get("h");
        assertNull(secure("{\"sts_seconds\": 100}").filter(clear));
        assertEquals(Map.of(), clear.responseHeaders());
        PlainExchange forced = get("h");
        assertNull(secure("{\"sts_seconds\": 100, \"force_sts_header\": true}").filter(forced));
        assertEquals(Map.of("strict-transport-security", "max-age=100"), forced.responseHeaders());
    }

    @Test
    void developmentModeTurnsOffHostChecksRedirectsAndHsts() throws Exception {
        PlainExchange ex = get("anything").overTls();
        assertNull(secure("""
                {"allowed_hosts": ["only.example"], "ssl_redirect": true, "sts_seconds": 100,
                 "is_development": true, "content_type_nosniff": true}""").filter(ex));
        assertEquals(Map.of("x-content-type-options", "nosniff"), ex.responseHeaders());
    }

    @Test
    void everySecurityHeaderHasItsValue() throws Exception {
        PlainExchange ex = get("h");
        assertNull(secure("""
                {"frame_deny": true, "custom_frame_options_value": "SAMEORIGIN", "content_type_nosniff": true,
                 "browser_xss_filter": true, "content_security_policy": "default-src 'self'",
                 "referrer_policy": "same-origin"}""").filter(ex));
        assertEquals(Map.of("x-frame-options", "SAMEORIGIN", "x-content-type-options", "nosniff",
                "x-xss-protection", "1; mode=block", "content-security-policy", "default-src 'self'",
                "referrer-policy", "same-origin"), ex.responseHeaders());
    }

    @Test
    void aNonceInThePolicyIsFreshOnEveryAnswer() throws Exception {
        SecureFilter f = secure("{\"content_security_policy\": \"script-src $NONCE 'self'\"}");
        PlainExchange one = get("h");
        PlainExchange two = get("h");
        f.filter(one);
        f.filter(two);
        String a = one.responseHeaders().get("content-security-policy");
        assertTrue(a.matches("script-src 'nonce-[A-Za-z0-9+/]{22}==' 'self'"), a);
        assertNotEquals(a, two.responseHeaders().get("content-security-policy"));
    }

    @Test
    void theHealthEndpointIsNotChecked() throws Exception {
        assertNull(secure("{\"allowed_hosts\": [\"only.example\"]}")
                .filter(new PlainExchange("GET", "/__health").with("Host", "10.1.2.3:8080")));
    }

    @Test
    void hpkpIsIgnoredWithAWarningAndANegativeStsIsAnError() throws Exception {
        options("{\"hpkp_public_key\": \"pin-sha256=abc\", \"sts_seconds\": -1}");
        assertEquals(List.of(AT + ".sts_seconds"), problems.errors().stream().map(Problem::path).toList());
        assertEquals(List.of(AT + ".hpkp_public_key"), problems.warnings().stream().map(Problem::path).toList());
    }

    @Test
    void goEscapesTheRedirectTarget() {
        assertEquals("&lt;a&gt; &amp; &#34;b&#34; &#39;c&#39;", GoHtml.escape("<a> & \"b\" 'c'"));
        assertEquals("https://h/caf%C3%A9", GoHtml.hexEscapeNonAscii("https://h/café"));
    }
}

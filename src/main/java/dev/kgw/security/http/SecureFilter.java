package dev.kgw.security.http;

import com.google.re2j.Pattern;
import dev.kgw.proxy.Rejection;
import dev.kgw.router.Exchange;
import dev.kgw.router.ServerFilter;
import dev.kgw.security.HealthCheck;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * unrolled/secure's {@code Process} as KrakenD's engine runs it, in its order: the host check (a host not allowed
 * gets Go's {@code http.Error} 500 "Bad Host"), then the HTTPS redirect (301 to the same URL over https), then the
 * security headers on whatever the node answers. {@code is_development} turns off the first two and HSTS. HSTS is
 * only sent over TLS (or behind a proxy header saying so) unless forced: over clear HTTP a man in the middle could
 * strip or forge it anyway (RFC 6797 §7.2).
 */
final class SecureFilter implements ServerFilter {
    private static final Rejection BAD_HOST = new Rejection(500, Map.of("X-Content-Type-Options", List.of("nosniff")),
            "Bad Host\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");

    private final HttpSecureOptions o;
    private final HealthCheck health;
    /** The headers every answer gets, HSTS and a nonced CSP aside. */
    private final Map<String, String> always = new LinkedHashMap<>();
    private final String sts;
    private final String[] cspAroundNonce;
    private final SecureRandom random;

    SecureFilter(HttpSecureOptions o, HealthCheck health) {
        this.o = o;
        this.health = health;
        this.sts = o.stsSeconds() != 0 && !o.isDevelopment()
                ? "max-age=" + o.stsSeconds() + (o.stsIncludeSubdomains() ? "; includeSubDomains" : "") : null;
        if (o.frameOptions() != null) always.put("X-Frame-Options", o.frameOptions());
        if (o.contentTypeNosniff()) always.put("X-Content-Type-Options", "nosniff");
        if (o.browserXssFilter()) always.put("X-XSS-Protection", "1; mode=block");
        String csp = o.contentSecurityPolicy();
        // unrolled/secure fills $NONCE with 16 random bytes per request
        this.cspAroundNonce = csp.contains("$NONCE") ? csp.split("\\$NONCE", -1) : null;
        this.random = cspAroundNonce == null ? null : new SecureRandom();
        if (!csp.isEmpty() && cspAroundNonce == null) always.put("Content-Security-Policy", csp);
        if (!o.referrerPolicy().isEmpty()) always.put("Referrer-Policy", o.referrerPolicy());
    }

    @Override
    public Rejection filter(Exchange ex) {
        if (health.matches(ex)) return null;
        String host = host(ex);
        if (!o.allowedHosts().isEmpty() && !o.isDevelopment() && !allowed(host)) return BAD_HOST;
        boolean ssl = isSsl(ex);
        if (o.sslRedirect() && !ssl && !o.isDevelopment()) return redirect(ex, host);
        if (sts != null && (ssl || o.forceStsHeader())) ex.responseHeader("Strict-Transport-Security", sts);
        always.forEach(ex::responseHeader);
        if (cspAroundNonce != null) ex.responseHeader("Content-Security-Policy", nonced());
        return null;
    }

    /** The request's host, or the first non-empty proxy header that names one. */
    private String host(Exchange ex) {
        for (String h : o.hostProxyHeaders()) {
            String v = ex.header(h);
            if (v != null && !v.isEmpty()) return v;
        }
        return ex.host();
    }

    private boolean allowed(String host) {
        if (o.hostsAreRegex()) {
            for (Pattern p : o.hostPatterns()) if (p.matcher(host).find()) return true;
            return false;
        }
        for (String h : o.allowedHosts()) if (h.equalsIgnoreCase(host)) return true;
        return false;
    }

    private boolean isSsl(Exchange ex) {
        if (ex.tls()) return true;
        for (Map.Entry<String, String> e : o.sslProxyHeaders().entrySet()) {
            // Go's Header.Get: the first value; a missing header reads "", so a configured "" matches its absence
            String v = ex.header(e.getKey());
            if ((v == null ? "" : v).equals(e.getValue())) return true;
        }
        return false;
    }

    /** Go's {@code http.Redirect} with 301: Location, and for GET a short HTML body (HEAD gets its type only). */
    private Rejection redirect(Exchange ex, String host) {
        String target = "https://" + (o.sslHost().isEmpty() ? host : o.sslHost()) + ex.path()
                + (ex.query().isEmpty() ? "" : "?" + ex.query());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Location", List.of(GoHtml.hexEscapeNonAscii(target)));
        boolean get = ex.method().equals("GET");
        if (get || ex.method().equals("HEAD")) headers.put("Content-Type", List.of("text/html; charset=utf-8"));
        byte[] body = get ? ("<a href=\"" + GoHtml.escape(target) + "\">Moved Permanently</a>.\n\n")
                .getBytes(StandardCharsets.UTF_8) : null;
        return new Rejection(301, headers, body, null);
    }

    private String nonced() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return String.join("'nonce-" + Base64.getEncoder().encodeToString(b) + "'", cspAroundNonce);
    }
}

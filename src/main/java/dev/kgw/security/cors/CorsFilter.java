package dev.kgw.security.cors;

import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Rejection;
import dev.kgw.router.Exchange;
import dev.kgw.router.ServerFilter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * rs/cors v1.11.1's handler in front of the router. A preflight ({@code OPTIONS} with a non-empty
 * {@code Access-Control-Request-Method}) is answered here with the success status, for any path, unless
 * {@code options_passthrough} hands it on; a denied origin, method or header list still gets that status, only
 * without {@code Access-Control-Allow-*}, so the browser is the one that refuses. Every answer varies on what the
 * decision read ({@code Vary}), allowed or not, so no cache serves one origin's answer to another.
 */
final class CorsFilter implements ServerFilter {
    private static final Logger LOG = Logger.getLogger(CorsFilter.class.getName());
    private static final List<String> TRUE = List.of("true");
    private static final List<String> ANY = List.of("*");

    private final CorsOptions o;
    private final String preflightVary;
    /** Null unless {@code debug}: a decision per request would flood the log, so at most one line a second. */
    private final RateLimitedLog debug;

    CorsFilter(CorsOptions o) {
        this.o = o;
        this.preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
                + (o.allowPrivateNetwork() ? ", Access-Control-Request-Private-Network" : "");
        this.debug = o.debug() ? new RateLimitedLog(LOG, Duration.ofSeconds(1)) : null;
    }

    @Override
    public Rejection filter(Exchange ex) {
        String requestMethod = ex.header("Access-Control-Request-Method");
        if (ex.method().equals("OPTIONS") && requestMethod != null && !requestMethod.isEmpty()) {
            Map<String, List<String>> headers = preflight(ex);
            if (!o.optionsPassthrough()) return new Rejection(o.optionsSuccessStatus(), headers, null, null);
            headers.forEach((name, values) -> ex.responseHeader(name, String.join(", ", values)));
            return null;
        }
        actual(ex);
        return null;
    }

    private Map<String, List<String>> preflight(Exchange ex) {
        Map<String, List<String>> h = new HashMap<>();
        h.put("Vary", List.of(preflightVary));
        String origin = ex.header("Origin");
        if (origin == null || origin.isEmpty()) return aborted(h, () -> "preflight aborted: empty origin");
        if (!o.origins().allows(origin)) {
            return aborted(h, () -> "preflight aborted: origin '" + origin + "' not allowed");
        }
        String method = ex.header("Access-Control-Request-Method");
        if (!o.allowsMethod(method)) return aborted(h, () -> "preflight aborted: method '" + method + "' not allowed");
        List<String> requested = ex.headers("Access-Control-Request-Headers");
        boolean asked = !requested.isEmpty();
        if (asked && !o.anyHeader() && !o.headers().accepts(requested)) {
            return aborted(h, () -> "preflight aborted: headers " + requested + " not allowed");
        }
        h.put("Access-Control-Allow-Origin", o.origins().any() ? ANY : List.of(origin));
        // the requested method and headers alone: enough for the browser, and the lists stay private
        h.put("Access-Control-Allow-Methods", List.of(method));
        if (asked && !requested.get(0).isEmpty()) h.put("Access-Control-Allow-Headers", requested);
        if (o.allowCredentials()) h.put("Access-Control-Allow-Credentials", TRUE);
        if (o.allowPrivateNetwork() && "true".equals(ex.header("Access-Control-Request-Private-Network"))) {
            h.put("Access-Control-Allow-Private-Network", TRUE);
        }
        if (o.maxAge() != null) h.put("Access-Control-Max-Age", List.of(o.maxAge()));
        log(() -> "preflight of " + ex.method() + " " + ex.path() + " allowed: " + h);
        return h;
    }

    private Map<String, List<String>> aborted(Map<String, List<String>> h, Supplier<String> why) {
        log(why);
        return h;
    }

    private void actual(Exchange ex) {
        ex.responseHeader("Vary", "Origin");
        String origin = ex.header("Origin");
        if (origin == null || origin.isEmpty()) return;
        if (!o.origins().allows(origin)) {
            log(() -> "actual request: no headers added, origin '" + origin + "' not allowed");
            return;
        }
        // rs/cors's own addition to the spec: a method not listed gets no CORS headers either
        if (!o.allowsMethod(ex.method())) {
            log(() -> "actual request: no headers added, method '" + ex.method() + "' not allowed");
            return;
        }
        ex.responseHeader("Access-Control-Allow-Origin", o.origins().any() ? "*" : origin);
        if (o.exposeHeaders() != null) ex.responseHeader("Access-Control-Expose-Headers", o.exposeHeaders());
        if (o.allowCredentials()) ex.responseHeader("Access-Control-Allow-Credentials", "true");
    }

    private void log(Supplier<String> line) {
        if (debug != null) debug.log(Level.INFO, () -> "[CORS] " + line.get().replace('\n', ' ').replace('\r', ' '));
    }
}

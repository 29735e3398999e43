package dev.kgw.security.cors;

import java.util.List;

/**
 * {@code security/cors}, normalised once as rs/cors v1.11.1 does in {@code cors.New} with KrakenD's defaults (every
 * origin and every header when the lists are empty, GET, POST and HEAD when no method is listed).
 *
 * @param exposeHeaders the {@code Access-Control-Expose-Headers} value (canonical names joined by ", "), or null
 * @param maxAge the {@code Access-Control-Max-Age} value in whole seconds, or null when it is not sent
 */
record CorsOptions(OriginRule origins, List<String> methods, boolean anyHeader, HeaderTokens headers,
                   String exposeHeaders, boolean allowCredentials, boolean allowPrivateNetwork,
                   boolean optionsPassthrough, int optionsSuccessStatus, String maxAge, boolean debug) {

    /** rs/cors's {@code isMethodAllowed}: exact and case-sensitive; OPTIONS always (a preflight's own method). */
    boolean allowsMethod(String method) {
        if (methods.isEmpty()) return false;
        return method.equals("OPTIONS") || methods.contains(method);
    }
}

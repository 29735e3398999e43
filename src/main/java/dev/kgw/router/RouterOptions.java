package dev.kgw.router;

import java.util.List;

/**
 * The service-level {@code router} namespace (gin options in KrakenD), parsed once. {@code maxConnections} and
 * {@code maxInFlight} are kgw's listener bounds (KrakenD has none), 0 when not set: see {@link ListenerLimits}.
 */
public record RouterOptions(
        boolean returnErrorMsg,
        byte[] errorBody404,
        byte[] errorBody405,
        boolean hideVersionHeader,
        boolean disableHealth,
        String healthPath,
        boolean disableAccessLog,
        List<String> loggerSkipPaths,
        boolean disableRedirectTrailingSlash,
        boolean disableRedirectFixedPath,
        boolean disableHandleMethodNotAllowed,
        boolean disablePathDecoding,
        boolean removeExtraSlash,
        boolean forwardedByClientIp,
        List<String> remoteIpHeaders,
        List<String> trustedProxies,
        boolean autoOptions,
        boolean useH2c,
        int maxConnections,
        int maxInFlight) {

    public static final RouterOptions DEFAULT = new RouterOptions(false, null, null, false, false, "/__health", false,
            List.of(), false, false, false, false, false, false, List.of("X-Forwarded-For", "X-Real-IP"), List.of(),
            false, false, 0, 0);
}

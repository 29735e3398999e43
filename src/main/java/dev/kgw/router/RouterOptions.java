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
        /** Bytes a client may send as a request body (KrakenD EE's {@code max_payload}); 413 beyond. */
        long maxPayload,
        int maxConnections,
        int maxInFlight) {

    /** The request-body bound when the config sets none: every buffer has one. */
    public static final long DEFAULT_MAX_PAYLOAD = 10L << 20;

    public static final RouterOptions DEFAULT = new RouterOptions(false, null, null, false, false, "/__health", false,
            List.of(), false, false, false, false, false, false, List.of("X-Forwarded-For", "X-Real-IP"), List.of(),
            false, false, DEFAULT_MAX_PAYLOAD, 0, 0);
}

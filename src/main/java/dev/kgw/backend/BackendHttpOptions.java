package dev.kgw.backend;

/**
 * {@code backend/http} (error strategies) and {@code backend/http/client} (redirect body) options of one backend.
 * {@code returnErrorDetails} is the alias used as {@code error_<alias>}, or empty.
 */
public record BackendHttpOptions(String returnErrorDetails, boolean returnErrorCode, boolean sendBodyOnRedirect) {
    public static final BackendHttpOptions DEFAULT = new BackendHttpOptions("", false, false);
}

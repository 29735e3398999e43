package dev.kgw.backend;

/**
 * {@code backend/http} (error strategies, response bound) and {@code backend/http/client} (redirect body) options
 * of one backend. {@code returnErrorDetails} is the alias used as {@code error_<alias>}, or empty.
 *
 * @param maxResponseSize bytes of a backend answer the node reads into memory to decode it (not no-op streams);
 *                        beyond it the call is a backend error and its connection is closed
 */
public record BackendHttpOptions(String returnErrorDetails, boolean returnErrorCode, boolean sendBodyOnRedirect,
                                 long maxResponseSize) {
    /** The bound when the config sets none: a decoded answer is held whole, so it must have one. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 8L << 20;

    public static final BackendHttpOptions DEFAULT = new BackendHttpOptions("", false, false,
            DEFAULT_MAX_RESPONSE_SIZE);
}

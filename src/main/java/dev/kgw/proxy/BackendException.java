package dev.kgw.proxy;

/**
 * A failed backend call. Carries the upstream status, body and content type so that {@code return_error_code}
 * and {@code router.return_error_msg} can pass them on; {@link #statusCode()} is 0 when the client should get
 * the gateway's default 500.
 */
public class BackendException extends RuntimeException {
    private final int statusCode;
    private final String body;
    private final String contentType;

    public BackendException(String message, int statusCode, String body, String contentType) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.body = body;
        this.contentType = contentType;
    }

    public BackendException(String message) { this(message, 0, null, null); }

    public int statusCode() { return statusCode; }

    public String body() { return body; }

    public String contentType() { return contentType; }
}

package dev.kgw.proxy;

import java.util.List;
import java.util.Map;

/**
 * Any stage's "no" (or, for a server filter, its complete answer, such as a CORS preflight's 204): a status, the
 * headers to send and a body, written as they are, the way KrakenD's middlewares abort a request: no
 * {@code X-Krakend} headers, no envelope. A stage fails its future with it, or throws it; anything else that fails
 * a request is a 500.
 */
public final class Rejection extends RuntimeException {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean answer;

    public Rejection(int status, Map<String, List<String>> headers, byte[] body, String contentType) {
        this(status, headers, body, contentType, false);
    }

    private Rejection(int status, Map<String, List<String>> headers, byte[] body, String contentType, boolean answer) {
        super("rejected with status " + status, null, false, false);
        this.answer = answer;
        if (status < 100 || status > 999) throw new IllegalArgumentException("status " + status);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body == null ? new byte[0] : body.clone();
        this.contentType = contentType;
    }

    /**
     * A stage's whole answer in place of the endpoint's (krakend-jose's signer writes its own): from inside the
     * pipeline too it is written with none of lura's headers ({@code X-Krakend}, {@code X-Krakend-Completed}).
     */
    public static Rejection answer(int status, Map<String, List<String>> headers, byte[] body, String contentType) {
        return new Rejection(status, headers, body, contentType, true);
    }

    /** Whether this is a stage's own answer ({@link #answer}) rather than a "no". */
    public boolean isAnswer() { return answer; }

    /** The status alone: an empty body, no headers (KrakenD's {@code AbortWithStatus}). */
    public static Rejection status(int status) { return new Rejection(status, Map.of(), null, null); }

    public int status() { return status; }

    public Map<String, List<String>> headers() { return headers; }

    public byte[] body() { return body.clone(); }

    public int bodyLength() { return body.length; }

    /** Null when the body is empty or says nothing about its type. */
    public String contentType() { return contentType; }
}

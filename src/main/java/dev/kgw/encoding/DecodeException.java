package dev.kgw.encoding;

/**
 * A backend body could not be decoded. Unchecked because decoders run inside async pipelines
 * where checked exceptions only add wrapping; the message mimics the Go error KrakenD would log.
 */
public final class DecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}

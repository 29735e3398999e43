package dev.kgw.backend;

/** The endpoint's time ran out; named after Go's {@code context deadline exceeded} that KrakenD reports. */
public final class DeadlineExceededException extends RuntimeException {
    public DeadlineExceededException() { super("context deadline exceeded", null, false, false); }

    /** Go's wording for a call cut by the deadline: {@code Get "http://host/path": context deadline exceeded}. */
    public DeadlineExceededException(String method, String url) {
        super(UpstreamFailure.goOp(method, url) + ": context deadline exceeded", null, false, false);
    }
}

package dev.kgw.backend;

/** The endpoint's time ran out; named after Go's {@code context deadline exceeded} that KrakenD reports. */
public final class DeadlineExceededException extends RuntimeException {
    public DeadlineExceededException() { super("context deadline exceeded", null, false, false); }
}

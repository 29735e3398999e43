package dev.kgw.backend;

import dev.kgw.encoding.GoQuote;
import java.util.Locale;

/**
 * A call that broke on the wire (refused, reset, closed), worded as Go's {@code *url.Error} that KrakenD
 * reports: {@code Get "http://host/path": connection refused}. The method and URL make every log line and
 * {@code return_error_msg} body say which backend failed.
 */
public final class UpstreamFailure extends RuntimeException {
    private UpstreamFailure(String message, Throwable cause) { super(message, cause, false, false); }

    static RuntimeException wrap(String method, String url, Throwable cause) {
        if (cause instanceof DeadlineExceededException || cause instanceof UpstreamFailure
                || cause instanceof BodyBudget.ExhaustedException || cause instanceof ResponseBodies.TooLargeException) {
            return cause instanceof RuntimeException r ? r : new UpstreamFailure(cause.toString(), cause);
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UpstreamFailure(goOp(method, url) + ": " + why, cause);
    }

    /** Go's {@code *url.Error} prefix: {@code Get "http://host/path"}. */
    static String goOp(String method, String url) {
        String op = method.isEmpty() ? method : method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
        return op + " " + GoQuote.quote(url);
    }
}

package dev.kgw.router;

import dev.kgw.backend.BodyBudget;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;

/**
 * The request-body bound of an endpoint ({@code max_payload}): a declared length beyond it is refused before a
 * byte is read; a body that grows past it while read (chunked, or streamed to a no-op backend) stops there.
 * Either way the client gets 413 and the node never holds more than the bound for one request.
 */
final class BodyLimit {
    private final long maxBytes;
    private final BodyBudget budget;

    BodyLimit(long maxBytes, BodyBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    /** The body grew past the bound. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long max) { super("request body larger than " + max + " bytes", null, false, false); }
    }

    /** A {@code Content-Length} already beyond the bound. */
    boolean declaredTooLarge(ServerRequest req) {
        String length = req.getHeader("Content-Length");
        if (length == null) return false;
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses a malformed length itself
        }
    }

    /**
     * Reads the whole body, failing with {@link TooLargeException} as soon as it passes the bound, or with
     * {@link BodyBudget.ExhaustedException} when the node holds too many bodies already. What a successful read
     * holds stays reserved until {@link #release}.
     */
    Future<Buffer> read(ServerRequest req) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        req.handler(chunk -> {
            if (done.future().isComplete()) return; // past a bound: the rest is dropped as it arrives
            if (body.length() + (long) chunk.length() > maxBytes) {
                fail(done, body, new TooLargeException(maxBytes));
            } else if (!budget.tryReserve(chunk.length())) {
                fail(done, body, new BodyBudget.ExhaustedException("request body"));
            } else {
                body.appendBuffer(chunk);
            }
        });
        req.exceptionHandler(e -> fail(done, body, e));
        req.endHandler(v -> done.tryComplete(body));
        return done.future();
    }

    /** Gives back what a read body held, once the exchange no longer needs it. */
    void release(Buffer body) {
        if (body != null) budget.release(body.length());
    }

    /** What one exchange will hold of the node's budget. */
    BodyBudget.Ticket ticket() { return budget.ticket(); }

    private void fail(Promise<Buffer> done, Buffer body, Throwable e) {
        if (done.tryFail(e)) budget.release(body.length());
    }

    /**
     * 413 (or 503 when the node's body budget is spent) at once, status only; over HTTP/1.x the connection
     * closes after it, so the rest of the body is never read (and never mistaken for the next request).
     */
    static void refuse(ServerRequest req, int status) {
        ServerResponse resp = req.response();
        if (resp.ended() || resp.closed() || resp.headWritten()) {
            if (!resp.closed() && !resp.ended()) resp.reset();
            return;
        }
        resp.headers().remove("X-Krakend-Completed");
        if (req.version() != HttpVersion.HTTP_2) resp.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        resp.setStatusCode(status).end();
    }

    /** Reads the body under both bounds and hands it to {@code then}, or refuses the request (413, 503, 400). */
    void readThen(ServerRequest req, Handler<Buffer> then) {
        if (declaredTooLarge(req)) {
            refuse(req, 413);
            return;
        }
        read(req).onComplete(b -> {
            if (b.succeeded()) {
                then.handle(b.result());
            } else if (b.cause() instanceof TooLargeException) {
                refuse(req, 413);
            } else if (b.cause() instanceof BodyBudget.ExhaustedException) {
                refuse(req, 503);
            } else if (!req.response().ended() && !req.response().closed()) {
                req.response().setStatusCode(400).end();
            }
        });
    }

    /** The body as a stream that fails with {@link TooLargeException} at the bound (no-op endpoints). */
    Counted stream(ReadStream<Buffer> in) { return new Counted(in, maxBytes); }

    /** Counts what passes and stops the stream at the bound. */
    static final class Counted implements ReadStream<Buffer> {
        private final ReadStream<Buffer> in;
        private final long max;
        private long seen;
        private boolean exceeded;
        private Handler<Throwable> onError;

        Counted(ReadStream<Buffer> in, long max) {
            this.in = in;
            this.max = max;
        }

        boolean exceeded() { return exceeded; }

        @Override
        public Counted exceptionHandler(Handler<Throwable> h) {
            onError = h;
            in.exceptionHandler(h);
            return this;
        }

        @Override
        public Counted handler(Handler<Buffer> h) {
            if (h == null) {
                in.handler(null);
                return this;
            }
            in.handler(chunk -> {
                if (exceeded) return;
                seen += chunk.length();
                if (seen > max) {
                    exceeded = true;
                    if (onError != null) onError.handle(new TooLargeException(max));
                    return;
                }
                h.handle(chunk);
            });
            return this;
        }

        @Override public Counted pause() { in.pause(); return this; }

        @Override public Counted resume() { in.resume(); return this; }

        @Override public Counted fetch(long amount) { in.fetch(amount); return this; }

        @Override
        public Counted endHandler(Handler<Void> h) {
            in.endHandler(h == null ? null : v -> {
                if (!exceeded) h.handle(v);
            });
            return this;
        }
    }
}

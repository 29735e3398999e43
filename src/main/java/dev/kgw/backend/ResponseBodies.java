package dev.kgw.backend;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads a backend answer into memory under two bounds: its own ({@code max_response_size}) and the node's
 * {@link BodyBudget}. A declared length beyond the first fails before a byte is held; a body that grows past it
 * (chunked, or inflated from gzip) fails as soon as it does. A backend that answers 10 MB, or four that answer
 * 5 MB each, costs a backend error, not the node. A successful read keeps {@code length × weight} reserved,
 * for the caller to release.
 */
final class ResponseBodies {
    private ResponseBodies() {}

    static final class TooLargeException extends RuntimeException {
        TooLargeException(long max, String url) {
            super("backend response larger than " + max + " bytes: " + url, null, false, false);
        }
    }

    /**
     * The two bounds of one body as it is read, shared by both transports so that they refuse the same answers
     * with the same errors.
     */
    static final class Bound {
        private final String url;
        private final long max;
        private final BodyBudget budget;
        private final int weight;
        private final long declared;
        private long reserved;
        private long length;
        private boolean over;

        /**
         * Refuses (throws) a declared length past {@code max} or the budget before a byte is read.
         *
         * @param contentLength   the answer's Content-Length, or null
         * @param contentEncoding the answer's Content-Encoding as it reaches the reader, or null
         */
        Bound(String url, String contentLength, String contentEncoding, long max, BodyBudget budget, int weight) {
            this.url = url;
            this.max = max;
            this.budget = budget;
            this.weight = weight;
            long d = -1;
            if (contentLength != null && contentEncoding == null) {
                try {
                    d = Long.parseLong(contentLength.trim());
                } catch (NumberFormatException e) {
                    // the HTTP codec refuses a malformed length itself
                }
                if (d > max) throw new TooLargeException(max, url);
            }
            this.declared = d;
            // a known length is reserved (and the buffer sized) before the first byte: no doubling copies, and a
            // crowd of large answers is refused before any of them is allocated
            if (d > 0) {
                if (!budget.tryReserve(d * weight)) throw new BodyBudget.ExhaustedException("backend response " + url);
                reserved = d * weight;
            }
        }

        /** What to allocate for the body before it comes. */
        int initialCapacity() { return declared > 0 ? (int) Math.min(declared, Integer.MAX_VALUE - 8) : 0; }

        /** Counts a chunk in, or gives everything back and says why it cannot be held. */
        RuntimeException admit(int chunk) {
            long after = length + chunk;
            if (after > max) {
                fail();
                return new TooLargeException(max, url);
            }
            long more = after * weight - reserved;
            if (more > 0) {
                if (!budget.tryReserve(more)) {
                    fail();
                    return new BodyBudget.ExhaustedException("backend response " + url);
                }
                reserved += more;
            }
            length = after;
            return null;
        }

        /** The body is complete: a body shorter than declared gives back the difference. */
        void finish() {
            long exact = length * weight;
            budget.release(reserved - exact);
            reserved = exact;
        }

        /** The read failed: nothing stays reserved. */
        void fail() {
            if (over) return;
            over = true;
            budget.release(reserved);
            reserved = 0;
        }
    }

    /** @param weight budget taken per byte read */
    static Future<Buffer> read(HttpClientResponse resp, long max, BodyBudget budget, int weight) {
        Bound bound;
        try {
            bound = new Bound(resp.request().absoluteURI(), resp.getHeader("Content-Length"),
                    resp.getHeader("Content-Encoding"), max, budget, weight);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer(bound.initialCapacity());
        resp.handler(chunk -> {
            if (done.future().isComplete()) return;
            RuntimeException refused = bound.admit(chunk.length());
            if (refused != null) {
                done.tryFail(refused);
                return;
            }
            body.appendBuffer(chunk);
        });
        resp.exceptionHandler(e -> {
            if (done.tryFail(e)) bound.fail();
        });
        resp.endHandler(v -> {
            if (done.future().isComplete()) return;
            bound.finish();
            done.tryComplete(body);
        });
        return done.future();
    }
}

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

    /** @param weight budget taken per byte read */
    static Future<Buffer> read(HttpClientResponse resp, long max, BodyBudget budget, int weight) {
        String url = resp.request().absoluteURI();
        String length = resp.getHeader("Content-Length");
        long declared = -1;
        if (length != null && resp.getHeader("Content-Encoding") == null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                // the HTTP codec refuses a malformed length itself
            }
            if (declared > max) return Future.failedFuture(new TooLargeException(max, url));
        }
        // a known length is reserved (and the buffer sized) before the first byte: no doubling copies, and a
        // crowd of large answers is refused before any of them is allocated
        long[] reserved = {0};
        if (declared > 0) {
            if (!budget.tryReserve(declared * weight)) {
                return Future.failedFuture(new BodyBudget.ExhaustedException("backend response " + url));
            }
            reserved[0] = declared * weight;
        }
        Promise<Buffer> done = Promise.promise();
        Buffer body = declared > 0 ? Buffer.buffer((int) declared) : Buffer.buffer();
        resp.handler(chunk -> {
            if (done.future().isComplete()) return;
            long after = body.length() + (long) chunk.length();
            if (after > max) {
                fail(done, budget, reserved, new TooLargeException(max, url));
                return;
            }
            long more = after * weight - reserved[0];
            if (more > 0) {
                if (!budget.tryReserve(more)) {
                    fail(done, budget, reserved, new BodyBudget.ExhaustedException("backend response " + url));
                    return;
                }
                reserved[0] += more;
            }
            body.appendBuffer(chunk);
        });
        resp.exceptionHandler(e -> fail(done, budget, reserved, e));
        resp.endHandler(v -> {
            // a body shorter than declared gives back the difference
            long exact = (long) body.length() * weight;
            budget.release(reserved[0] - exact);
            reserved[0] = exact;
            done.tryComplete(body);
        });
        return done.future();
    }

    private static void fail(Promise<Buffer> done, BodyBudget budget, long[] reserved, Throwable e) {
        if (done.tryFail(e)) {
            budget.release(reserved[0]);
            reserved[0] = 0;
        }
    }
}

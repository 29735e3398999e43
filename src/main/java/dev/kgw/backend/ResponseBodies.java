package dev.kgw.backend;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads a backend answer into memory under two bounds: its own ({@code max_response_size}) and the node's
 * {@link BodyBudget}. A declared length beyond the first fails before a byte is held; a body that grows past it
 * (chunked, or inflated from gzip) fails as soon as it does. A backend that answers 10 MB, or four that answer
 * 5 MB each, costs a backend error, not the node. What a successful read reserved is released by the caller.
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
        if (length != null && resp.getHeader("Content-Encoding") == null) {
            try {
                if (Long.parseLong(length.trim()) > max) return Future.failedFuture(new TooLargeException(max, url));
            } catch (NumberFormatException e) {
                // the HTTP codec refuses a malformed length itself
            }
        }
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
            if (done.future().isComplete()) return;
            if (body.length() + (long) chunk.length() > max) {
                fail(done, body, budget, weight, new TooLargeException(max, url));
            } else if (!budget.tryReserve((long) chunk.length() * weight)) {
                fail(done, body, budget, weight, new BodyBudget.ExhaustedException("backend response " + url));
            } else {
                body.appendBuffer(chunk);
            }
        });
        resp.exceptionHandler(e -> fail(done, body, budget, weight, e));
        resp.endHandler(v -> done.tryComplete(body));
        return done.future();
    }

    private static void fail(Promise<Buffer> done, Buffer body, BodyBudget budget, int weight, Throwable e) {
        if (done.tryFail(e)) budget.release((long) body.length() * weight);
    }
}

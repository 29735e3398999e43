package dev.kgw.backend;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * What a backend answered: status, headers, and the body either read ({@link #body}) or left to stream
 * ({@link #stream}, paused; {@link #abandon} closes its connection when nobody will read it to its end).
 * {@code reserved} is what the read body took from the node's {@link BodyBudget}; its holder gives it back.
 */
public record UpstreamResponse(int status, MultiMap headers, Buffer body, ReadStream<Buffer> stream,
                               Runnable abandon, String finalUrl, long reserved) {
    public String contentType() {
        String ct = headers.get("Content-Type");
        return ct == null ? "" : ct;
    }
}

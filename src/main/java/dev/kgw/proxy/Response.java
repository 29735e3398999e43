package dev.kgw.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.Map;

/**
 * lura's response value: decoded {@link #data}, whether every backend answered ({@link #complete}), metadata
 * (status and headers), and for {@code no-op} the upstream body as a stream that the router pipes out unbuffered.
 * <p>
 * A response may be partial: {@link #error} then holds what went wrong, and the client gets a 200 with
 * {@code X-Krakend-Completed: false}, exactly as lura returns {@code (response, err)} together.
 */
public final class Response {
    public Map<String, Object> data;
    public boolean complete;
    public int status = 200;
    /** Upstream response headers (no-op only, as in lura: other encodings do not pass them on); may be null. */
    public MultiMap headers;
    /** no-op only: the upstream body, paused until the router pipes it. */
    public ReadStream<Buffer> stream;
    /** no-op only: abandons {@link #stream} and its upstream connection (the endpoint timeout passed). */
    public Runnable cancelStream;
    /** no-op only, when a later sequential step needs the whole body ({@code {resp0}}). */
    public Buffer raw;
    public Throwable error;

    public Response(Map<String, Object> data, boolean complete) {
        this.data = data;
        this.complete = complete;
    }
}

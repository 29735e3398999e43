package dev.kgw.router;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * The answer to a {@link ServerRequest}: status and headers until the head is written, then the body, as a stream
 * with back-pressure (a no-op backend's body is piped into it). Used on the connection's event loop only.
 */
public interface ServerResponse extends WriteStream<Buffer> {
    ServerResponse setStatusCode(int status);

    int getStatusCode();

    MultiMap headers();

    default ServerResponse putHeader(CharSequence name, CharSequence value) {
        headers().set(name, value);
        return this;
    }

    default ServerResponse putHeader(String name, String value) {
        headers().set(name, value);
        return this;
    }

    /** Without {@code Content-Length}: the body goes out chunked. */
    ServerResponse setChunked(boolean chunked);

    boolean headWritten();

    boolean ended();

    /** The connection (or HTTP/2 stream) closed before or after the end. */
    boolean closed();

    /** Body bytes written so far. */
    long bytesWritten();

    @Override Future<Void> end();

    @Override Future<Void> end(Buffer body);

    default Future<Void> end(String body) { return end(Buffer.buffer(body)); }

    /** Cuts the answer off: a reset stream, or over HTTP/1.x a closed connection. */
    void reset();

    /** Called once, when the response is done with: ended, or its connection closed under it. */
    ServerResponse endHandler(Handler<Void> handler);

    @Override ServerResponse exceptionHandler(Handler<Throwable> handler);

    @Override ServerResponse setWriteQueueMaxSize(int maxSize);

    @Override ServerResponse drainHandler(Handler<Void> handler);
}

package dev.kgw.router;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import javax.net.ssl.SSLSession;

/**
 * A client request as the listener hands it to the router, whichever HTTP server read it (the node's own HTTP/1.1
 * server, or Vert.x's for TLS and HTTP/2): its head, and its body as a stream with back-pressure. Used on the
 * connection's event loop only.
 */
public interface ServerRequest extends ReadStream<Buffer> {
    HttpMethod method();

    HttpVersion version();

    /** The request target as sent. */
    String uri();

    /** The path of the target, percent-encoding kept. */
    String path();

    /** The raw query, without {@code ?}, or null. */
    String query();

    /** The query decoded into names and values, as Vert.x's {@code params()}. */
    MultiMap params();

    MultiMap headers();

    default String getHeader(String name) { return headers().get(name); }

    /** HTTP/2's {@code :authority}, else the {@code Host} header; null when there is neither. */
    HostAndPort authority();

    SocketAddress remoteAddress();

    boolean isSSL();

    /** The TLS session, or null in clear. */
    SSLSession sslSession();

    /** Whether the whole body has been read. */
    boolean isEnded();

    ServerResponse response();

    @Override ServerRequest handler(io.vertx.core.Handler<Buffer> handler);

    @Override ServerRequest pause();

    @Override ServerRequest resume();

    @Override ServerRequest fetch(long amount);

    @Override ServerRequest endHandler(io.vertx.core.Handler<Void> handler);

    @Override ServerRequest exceptionHandler(io.vertx.core.Handler<Throwable> handler);
}

package dev.kgw.router;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import javax.net.ssl.SSLSession;

/** A request of Vert.x's HTTP server (TLS, HTTP/2, h2c), as the router reads it; its response comes with it. */
final class VertxServerRequest implements ServerRequest {
    private final HttpServerRequest req;
    private final Response response;

    VertxServerRequest(HttpServerRequest req) {
        this.req = req;
        this.response = new Response(req.response());
    }

    @Override public HttpMethod method() { return req.method(); }

    @Override public HttpVersion version() { return req.version(); }

    @Override public String uri() { return req.uri(); }

    @Override public String path() { return req.path(); }

    @Override public String query() { return req.query(); }

    @Override public MultiMap params() { return req.params(); }

    @Override public MultiMap headers() { return req.headers(); }

    @Override public HostAndPort authority() { return req.authority(); }

    @Override public SocketAddress remoteAddress() { return req.remoteAddress(); }

    @Override public boolean isSSL() { return req.isSSL(); }

    @Override public SSLSession sslSession() { return req.sslSession(); }

    @Override public boolean isEnded() { return req.isEnded(); }

    @Override public ServerResponse response() { return response; }

    @Override
    public ServerRequest handler(Handler<Buffer> handler) {
        req.handler(handler);
        return this;
    }

    @Override
    public ServerRequest pause() {
        req.pause();
        return this;
    }

    @Override
    public ServerRequest resume() {
        req.resume();
        return this;
    }

    @Override
    public ServerRequest fetch(long amount) {
        req.fetch(amount);
        return this;
    }

    @Override
    public ServerRequest endHandler(Handler<Void> handler) {
        req.endHandler(handler);
        return this;
    }

    @Override
    public ServerRequest exceptionHandler(Handler<Throwable> handler) {
        req.exceptionHandler(handler);
        return this;
    }

    private static final class Response implements ServerResponse {
        private final HttpServerResponse resp;

        Response(HttpServerResponse resp) { this.resp = resp; }

        @Override
        public ServerResponse setStatusCode(int status) {
            resp.setStatusCode(status);
            return this;
        }

        @Override public int getStatusCode() { return resp.getStatusCode(); }

        @Override public MultiMap headers() { return resp.headers(); }

        @Override
        public ServerResponse setChunked(boolean chunked) {
            resp.setChunked(chunked);
            return this;
        }

        @Override public boolean headWritten() { return resp.headWritten(); }

        @Override public boolean ended() { return resp.ended(); }

        @Override public boolean closed() { return resp.closed(); }

        @Override public long bytesWritten() { return resp.bytesWritten(); }

        @Override public Future<Void> write(Buffer data) { return resp.write(data); }

        @Override public Future<Void> end() { return resp.end(); }

        @Override public Future<Void> end(Buffer body) { return resp.end(body); }

        @Override public Future<Void> end(String body) { return resp.end(body); }

        @Override public void reset() { resp.reset(); }

        @Override
        public ServerResponse endHandler(Handler<Void> handler) {
            resp.endHandler(handler);
            return this;
        }

        @Override
        public ServerResponse exceptionHandler(Handler<Throwable> handler) {
            resp.exceptionHandler(handler);
            return this;
        }

        @Override
        public ServerResponse setWriteQueueMaxSize(int maxSize) {
            resp.setWriteQueueMaxSize(maxSize);
            return this;
        }

        @Override public boolean writeQueueFull() { return resp.writeQueueFull(); }

        @Override
        public ServerResponse drainHandler(Handler<Void> handler) {
            resp.drainHandler(handler);
            return this;
        }
    }
}

package dev.kgw.backend;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;

/** Exchanges over a Vert.x {@link HttpClientAgent}: keep-alive pools per host, HTTP/2 over TLS when offered. */
final class VertxTransport implements Transport {
    private final HttpClientAgent client;
    private final BodyBudget budget;

    VertxTransport(HttpClientAgent client, BodyBudget budget) {
        this.client = client;
        this.budget = budget;
    }

    @Override
    public Exchange send(String method, String url, MultiMap headers, Buffer body, ReadStream<Buffer> bodyStream,
                         boolean chunked, Handler<AsyncResult<Answer>> onAnswer) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url)
                .setHeaders(headers).setFollowRedirects(false);
        VertxExchange exchange = new VertxExchange();
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                onAnswer.handle(Future.failedFuture(UpstreamFailure.wrap(method, url, ar.cause())));
                return;
            }
            HttpClientRequest req = ar.result();
            exchange.request = req;
            // every failure of this exchange is the call's, never an unhandled one the transport logs bare
            req.exceptionHandler(e -> onAnswer.handle(Future.failedFuture(UpstreamFailure.wrap(method, url, e))));
            if (exchange.aborted != null) {
                req.reset(0, exchange.aborted);
                return;
            }
            Future<HttpClientResponse> sent;
            boolean hasBody = body != null && body.length() > 0;
            if (bodyStream != null) {
                if (!req.headers().contains(HttpHeaders.CONTENT_LENGTH)) req.setChunked(true);
                sent = req.send(bodyStream);
            } else if (hasBody && chunked && req.version() != HttpVersion.HTTP_2) {
                req.setChunked(true);
                sent = req.send(body);
            } else if (hasBody) {
                sent = req.send(body);
            } else {
                if (HttpExecutor.bodyExpected(method)) req.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
                sent = req.send();
            }
            sent.onComplete(rr -> onAnswer.handle(rr.failed()
                    ? Future.failedFuture(UpstreamFailure.wrap(method, url, rr.cause()))
                    : Future.succeededFuture(new VertxAnswer(rr.result()))));
        });
        return exchange;
    }

    private static final class VertxExchange implements Exchange {
        HttpClientRequest request;
        Throwable aborted;

        @Override
        public void abort(Throwable cause) {
            if (aborted != null) return;
            aborted = cause;
            if (request != null) request.reset(0, cause);
        }
    }

    private final class VertxAnswer implements Answer {
        private final HttpClientResponse resp;

        VertxAnswer(HttpClientResponse resp) { this.resp = resp; }

        @Override public int status() { return resp.statusCode(); }

        @Override public MultiMap headers() { return resp.headers(); }

        @Override
        public void read(long max, int weight, Handler<AsyncResult<Buffer>> done) {
            ResponseBodies.read(resp, max, budget, weight).onComplete(done);
        }

        @Override
        public ReadStream<Buffer> stream() {
            resp.pause();
            return resp;
        }

        /**
         * The failure that caused it is the call's own; the close itself is expected, so its echo is not logged.
         */
        @Override
        public void abandon() {
            HttpConnection c = resp.request().connection();
            c.exceptionHandler(e -> { });
            resp.exceptionHandler(e -> { });
            c.close();
        }
    }
}

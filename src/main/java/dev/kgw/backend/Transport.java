package dev.kgw.backend;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * One HTTP exchange on the wire, below the redirect and deadline logic of {@link HttpExecutor} that every transport
 * shares: the Vert.x client ({@link VertxTransport}, for TLS and as the A/B baseline) and the per-event-loop Netty
 * one ({@link NettyUpstream}, for {@code http://}).
 */
interface Transport {

    /**
     * Sends one request; {@code onAnswer} hears once, on the caller's context, of the answer's head or the failure
     * (worded by {@link UpstreamFailure#wrap}). The answer's body is then read, streamed or abandoned by the caller.
     *
     * @param headers    without Host, Content-Length and hop-by-hop ones
     * @param body       a buffered body, or null
     * @param bodyStream a body to pipe as it comes, or null
     */
    Exchange send(String method, String url, MultiMap headers, Buffer body, ReadStream<Buffer> bodyStream,
                  boolean chunked, Handler<AsyncResult<Answer>> onAnswer);

    /** A request in flight. */
    interface Exchange {
        /** The call is given up (its deadline passed): the connection is closed, it may hold a half-read answer. */
        void abort(Throwable cause);
    }

    /** An answer's head, its body still on the wire. */
    interface Answer {
        int status();

        MultiMap headers();

        /**
         * Reads the body to its end, under {@code max} and the node's budget at {@code weight} per byte (kept
         * reserved on success). A failed read leaves the connection for the caller to {@link #abandon}.
         */
        void read(long max, int weight, Handler<AsyncResult<Buffer>> done);

        /** The body unread and paused, for the caller to pipe. */
        ReadStream<Buffer> stream();

        /** Closes the connection: nobody will read this answer to its end. */
        void abandon();
    }
}

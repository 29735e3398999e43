package dev.kgw.backend;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;

/**
 * A backend answer's body as a Vert.x {@link ReadStream}, for a no-op endpoint to pipe to its client: the demand
 * of the reader switches the connection's reading on and off, so a slow client holds the backend back instead of
 * the node buffering the body (at most what one socket read decoded waits here). It starts paused.
 */
final class NettyResponseStream implements ReadStream<Buffer> {
    private final NettyExchange exchange;
    private final ContextInternal context;
    private final ArrayDeque<Buffer> pending = new ArrayDeque<>(4);
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long demand;
    private boolean ended;
    private Throwable failure;
    private boolean delivered;
    private boolean draining;

    NettyResponseStream(NettyExchange exchange, ContextInternal context) {
        this.exchange = exchange;
        this.context = context;
    }

    void push(Buffer chunk) {
        pending.add(chunk);
        drain();
    }

    void end() {
        ended = true;
        drain();
    }

    void fail(Throwable cause) {
        if (ended) return;
        failure = cause;
        ended = true;
        drain();
    }

    private void drain() {
        if (draining) return; // a handler that resumes from inside its own call
        draining = true;
        try {
            while (demand > 0 && !pending.isEmpty()) {
                Buffer chunk = pending.poll();
                if (demand != Long.MAX_VALUE) demand--;
                Handler<Buffer> h = handler;
                if (h != null) context.emit(chunk, h); // without a reader, the body is read and dropped
            }
            if (ended && pending.isEmpty() && demand > 0 && !delivered) {
                delivered = true;
                if (failure != null) {
                    Handler<Throwable> h = exceptionHandler;
                    if (h != null) context.emit(failure, h);
                } else {
                    Handler<Void> h = endHandler;
                    if (h != null) context.emit(null, h);
                }
            }
        } finally {
            draining = false;
        }
        if (!ended) exchange.demand(demand > 0 && pending.isEmpty());
    }

    @Override
    public NettyResponseStream exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        return this;
    }

    @Override
    public NettyResponseStream handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public NettyResponseStream pause() {
        demand = 0;
        if (!ended) exchange.demand(false);
        return this;
    }

    @Override
    public NettyResponseStream resume() { return fetch(Long.MAX_VALUE); }

    @Override
    public NettyResponseStream fetch(long amount) {
        if (amount <= 0) return this;
        demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
        drain();
        return this;
    }

    @Override
    public NettyResponseStream endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}

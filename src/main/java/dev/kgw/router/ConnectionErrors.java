package dev.kgw.router;

import dev.kgw.log.RateLimitedLog;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http2.Http2Exception;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What goes wrong on client connections (Vert.x reports it to the connection's exception handler, and without
 * one logs a bare {@code Stream reset: 8} or {@code Connection reset by peer}): one line naming the client and what
 * happened, at a level by kind (a client going away is routine, a malformed request is worth an INFO, anything
 * else a WARNING), each kind rate-limited so a flood of them costs a line per 10 s.
 */
final class ConnectionErrors {
    private static final Logger LOG = Logger.getLogger(ConnectionErrors.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(10);

    private final RateLimitedLog gone = new RateLimitedLog(LOG, EVERY);
    private final RateLimitedLog malformed = new RateLimitedLog(LOG, EVERY);
    private final RateLimitedLog other = new RateLimitedLog(LOG, EVERY);

    void log(HttpConnection conn, Throwable t) { log(conn::remoteAddress, t); }

    /** @param client the client's address, asked only when a line is written */
    void log(Supplier<?> client, Throwable t) {
        if (t instanceof StreamResetException reset) {
            gone.log(Level.FINE, () -> "client " + client.get() + " reset its HTTP/2 stream (error code "
                    + reset.getCode() + ")");
        } else if (clientWentAway(t)) {
            gone.log(Level.FINE, () -> "client " + client.get() + " went away: " + describe(t));
        } else if (t instanceof DecoderException || t instanceof Http2Exception) {
            malformed.log(Level.INFO, () -> "client " + client.get() + " sent a malformed request: " + describe(t));
        } else {
            other.log(Level.WARNING, () -> "connection of client " + client.get() + ": " + describe(t), t);
        }
    }

    private static boolean clientWentAway(Throwable t) {
        return t instanceof IOException || t instanceof ClosedChannelException || t instanceof HttpClosedException
                || t instanceof VertxException && String.valueOf(t.getMessage()).contains("closed");
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        return (msg == null || msg.isEmpty() ? "" : msg + " ") + "(" + t.getClass().getSimpleName() + ")";
    }
}

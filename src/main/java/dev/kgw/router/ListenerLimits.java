package dev.kgw.router;

import dev.kgw.config.ServerSettings;
import java.time.Duration;

/**
 * The listener's bounds, each with a default, so no client can make the node hold more than it can: open
 * connections ({@code router.max_connections}), requests in flight ({@code router.max_in_flight}), and how long a
 * request head ({@code read_header_timeout}) and body ({@code read_timeout}) may take to arrive.
 *
 * @param readHeaderTimeoutNanos always set: {@code read_header_timeout}, else {@code read_timeout} (as Go's
 *                               server falls back), else {@link #DEFAULT_READ_HEADER_TIMEOUT}
 * @param readTimeoutNanos 0 for none
 */
public record ListenerLimits(int maxConnections, int maxInFlight, long readHeaderTimeoutNanos, long readTimeoutNanos) {
    /**
     * Sized for the launcher's 64 MB heap: an idle HTTP/1 connection costs about 3 KB of heap, so this many stay
     * below a third of it.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Each request in flight holds its request, its backend calls and their buffers. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2_048;
    /** KrakenD has none by default; a client that trickles its head in byte by byte would hold a socket for ever. */
    public static final Duration DEFAULT_READ_HEADER_TIMEOUT = Duration.ofSeconds(10);

    public static ListenerLimits of(ServerSettings server, RouterOptions router) {
        Duration header = !server.readHeaderTimeout().isZero() ? server.readHeaderTimeout()
                : !server.readTimeout().isZero() ? server.readTimeout() : DEFAULT_READ_HEADER_TIMEOUT;
        return new ListenerLimits(router.maxConnections(), router.maxInFlight(), header.toNanos(),
                server.readTimeout().toNanos());
    }
}

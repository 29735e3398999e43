package dev.kgw.router;

import dev.kgw.config.ServerSettings;
import java.time.Duration;

/**
 * The listener's bounds, each with a default that fits the heap, so no client can make the node hold more than it
 * can: open
 * connections ({@code router.max_connections}), requests in flight ({@code router.max_in_flight}), and how long a
 * request head ({@code read_header_timeout}) and body ({@code read_timeout}) may take to arrive.
 *
 * @param readHeaderTimeoutNanos always set: {@code read_header_timeout}, else {@code read_timeout} (as Go's
 *                               server falls back), else {@link #DEFAULT_READ_HEADER_TIMEOUT}
 * @param readTimeoutNanos 0 for none
 * @param writeTimeoutNanos {@code write_timeout}: a response must be written this long after its request's head
 *                          arrived; 0 for none (KrakenD's default)
 * @param idleTimeoutNanos {@code idle_timeout}, else {@code read_timeout} (as Go's server falls back): how long a
 *                         keep-alive connection may wait for its next request; 0 for none
 */
public record ListenerLimits(int maxConnections, int maxInFlight, long readHeaderTimeoutNanos, long readTimeoutNanos,
                             long writeTimeoutNanos, long idleTimeoutNanos) {
    /**
     * Heap per connection the default {@code max_connections} allows for: an idle HTTP/1 connection holds about
     * 7.5 KB (most of it Vert.x's write queue), so at the default the open connections take at most a quarter of
     * the heap, 2,048 with the launcher's 64 MB; a bigger heap gets more.
     */
    static final long HEAP_PER_CONNECTION = 32 << 10;
    /**
     * Heap per request in flight the default {@code max_in_flight} allows for: a request holds its Vert.x request
     * and response, its backend request and, past the pool's reuse, a backend connection (about as much as a client
     * connection): 1,024 with the launcher's 64 MB.
     */
    static final long HEAP_PER_REQUEST = 64 << 10;
    /** KrakenD has none by default; a client that trickles its head in byte by byte would hold a socket for ever. */
    public static final Duration DEFAULT_READ_HEADER_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What {@code max_connections} is when not set: one per {@link #HEAP_PER_CONNECTION} of the max heap, to a
     * power of two (the JVM reports a little less than {@code -Xmx}).
     */
    public static int defaultMaxConnections(long maxHeap) { return perHeap(maxHeap, HEAP_PER_CONNECTION, 256); }

    /** What {@code max_in_flight} is when not set: one per {@link #HEAP_PER_REQUEST} of the max heap, likewise. */
    public static int defaultMaxInFlight(long maxHeap) { return perHeap(maxHeap, HEAP_PER_REQUEST, 128); }

    private static int perHeap(long maxHeap, long each, int least) {
        long n = Math.max(least, Math.min(1 << 20, maxHeap / each));
        return (int) Long.highestOneBit(n + n / 2);
    }

    /** The limits of this JVM: {@code router} values where set (0 there means not set), else the defaults. */
    public static ListenerLimits of(ServerSettings server, RouterOptions router) {
        return of(server, router, Runtime.getRuntime().maxMemory());
    }

    static ListenerLimits of(ServerSettings server, RouterOptions router, long maxHeap) {
        Duration header = !server.readHeaderTimeout().isZero() ? server.readHeaderTimeout()
                : !server.readTimeout().isZero() ? server.readTimeout() : DEFAULT_READ_HEADER_TIMEOUT;
        return new ListenerLimits(
                router.maxConnections() > 0 ? router.maxConnections() : defaultMaxConnections(maxHeap),
                router.maxInFlight() > 0 ? router.maxInFlight() : defaultMaxInFlight(maxHeap),
                header.toNanos(), server.readTimeout().toNanos(), server.writeTimeout().toNanos(),
                (!server.idleTimeout().isZero() ? server.idleTimeout() : server.readTimeout()).toNanos());
    }
}

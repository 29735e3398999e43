package dev.kgw.router;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the listener holds and what it turned away, for metrics ({@code telemetry/opentelemetry},
 * {@code /__stats}) and logs. Two gauges (open connections, requests in flight) and cumulative counters; updated on
 * the event loops, read by exporters.
 */
public final class ListenerCounters {
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder refusedRequests = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder readTimeouts = new LongAdder();
    final LongAdder writeTimeouts = new LongAdder();

    /** Client connections open now (HTTP/1 and HTTP/2). */
    public int openConnections() { return openConnections.get(); }

    /** HTTP/1 requests whose head arrived and whose response is not written yet. */
    public int inFlight() { return inFlight.get(); }

    /** Connections closed at once because {@code max_connections} were open. */
    public long refusedConnections() { return refusedConnections.sum(); }

    /** Requests answered 503 at once because {@code max_in_flight} were in flight. */
    public long refusedRequests() { return refusedRequests.sum(); }

    /** Requests answered 400 by the listener (HTTP/1.1 without exactly one {@code Host}). */
    public long badRequests() { return badRequests.sum(); }

    /** Connections closed because a request head or body took longer than its timeout. */
    public long readTimeouts() { return readTimeouts.sum(); }

    /** Connections closed because a response was not written within {@code write_timeout}. */
    public long writeTimeouts() { return writeTimeouts.sum(); }
}

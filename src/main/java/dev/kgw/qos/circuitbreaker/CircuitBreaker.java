package dev.kgw.qos.circuitbreaker;

import java.util.function.LongSupplier;

/**
 * gobreaker v2's state machine as KrakenD configures it (one bucket, {@code MaxRequests} 1): closed until
 * consecutive failures exceed {@code maxErrors}, open for {@code timeout}, then half-open with exactly one probe.
 * Every change of state, and every {@code interval} in the closed state, starts a new generation: counts start
 * over and a call that began in an older generation no longer counts when it ends. Transitions are lazy, evaluated
 * when a call asks or ends, as in gobreaker. One lock per breaker; the critical sections are a few comparisons.
 */
public final class CircuitBreaker {
    public enum State {
        CLOSED("closed"), HALF_OPEN("half-open"), OPEN("open");

        /** gobreaker's names, used in the log line KrakenD writes. */
        public final String label;

        State(String label) { this.label = label; }
    }

    /** Why a call was not let through. */
    public enum Refusal {
        OPEN("circuit breaker is open"), TOO_MANY_REQUESTS("too many requests");

        public final String message;

        Refusal(String message) { this.message = message; }
    }

    /** Told of each change, under no lock. */
    @FunctionalInterface
    public interface Listener {
        void changed(State from, State to);
    }

    /** What {@link #before()} hands back: the generation the call belongs to, or why it may not run. */
    public record Ticket(long generation, Refusal refusal) {
        public boolean allowed() { return refusal == null; }
    }

    private static final int MAX_REQUESTS = 1;

    private final long maxErrors;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Listener listener;

    private State state = State.CLOSED;
    private long generation;
    /** nanoTime at which the generation ends; meaningful only when {@link #expires}. */
    private long expiry;
    private boolean expires;
    private long requests, exclusions, consecutiveSuccesses, consecutiveFailures;
    private long trips;

    /**
     * @param intervalNanos how often a closed breaker's counts start over; 0: never
     * @param timeoutNanos  how long it stays open; 0 gives gobreaker's 60 s
     */
    public CircuitBreaker(long maxErrors, long intervalNanos, long timeoutNanos, LongSupplier clock,
                          Listener listener) {
        this.maxErrors = maxErrors;
        this.intervalNanos = Math.max(0, intervalNanos);
        this.timeoutNanos = timeoutNanos > 0 ? timeoutNanos : 60_000_000_000L;
        this.clock = clock;
        this.listener = listener;
        newGeneration(clock.getAsLong());
    }

    /** Asks to make a call. An allowed call must end with exactly one of success, failure or excluded. */
    public Ticket before() {
        State from, to;
        Ticket ticket;
        synchronized (this) {
            from = state;
            long now = clock.getAsLong();
            refresh(now);
            if (state == State.OPEN) {
                ticket = new Ticket(generation, Refusal.OPEN);
            } else if (state == State.HALF_OPEN && requests - exclusions >= MAX_REQUESTS) {
                ticket = new Ticket(generation, Refusal.TOO_MANY_REQUESTS);
            } else {
                requests++;
                ticket = new Ticket(generation, null);
            }
            to = state;
        }
        notify(from, to);
        return ticket;
    }

    public void success(Ticket t) { after(t, 1); }

    public void failure(Ticket t) { after(t, -1); }

    /** A call that says nothing about the backend (the client went away): it frees a half-open probe's slot. */
    public void excluded(Ticket t) { after(t, 0); }

    private void after(Ticket t, int outcome) {
        if (!t.allowed()) return;
        State from, to;
        synchronized (this) {
            from = state;
            long now = clock.getAsLong();
            refresh(now);
            if (t.generation() == generation) {
                if (outcome == 0) {
                    exclusions++;
                } else if (outcome > 0) {
                    consecutiveSuccesses++;
                    consecutiveFailures = 0;
                    if (state == State.HALF_OPEN && consecutiveSuccesses >= MAX_REQUESTS) set(State.CLOSED, now);
                } else {
                    consecutiveFailures++;
                    consecutiveSuccesses = 0;
                    if (state == State.HALF_OPEN || state == State.CLOSED && consecutiveFailures > maxErrors) {
                        set(State.OPEN, now);
                    }
                }
            }
            to = state;
        }
        notify(from, to);
    }

    /** The state now (evaluating a due transition). */
    public State state() {
        State from, to;
        synchronized (this) {
            from = state;
            refresh(clock.getAsLong());
            to = state;
        }
        notify(from, to);
        return to;
    }

    /** How many times it opened since the node started. */
    public synchronized long trips() { return trips; }

    private void refresh(long now) {
        if (!expires || now - expiry < 0) return;
        if (state == State.CLOSED) newGeneration(now);
        else if (state == State.OPEN) set(State.HALF_OPEN, now);
    }

    private void set(State next, long now) {
        if (state == next) return;
        state = next;
        if (next == State.OPEN) trips++;
        newGeneration(now);
    }

    private void newGeneration(long now) {
        generation++;
        requests = exclusions = consecutiveSuccesses = consecutiveFailures = 0;
        switch (state) {
            case CLOSED -> {
                expires = intervalNanos > 0;
                expiry = now + intervalNanos;
            }
            case OPEN -> {
                expires = true;
                expiry = now + timeoutNanos;
            }
            case HALF_OPEN -> expires = false;
        }
    }

    private void notify(State from, State to) {
        if (from != to && listener != null) listener.changed(from, to);
    }
}

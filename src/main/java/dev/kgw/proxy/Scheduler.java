package dev.kgw.proxy;

import io.vertx.core.Vertx;

/**
 * The clock and timers that merge, sequential and concurrent calls measure their time budget with. Injected, so
 * tests can drive time by hand instead of racing real timers.
 */
public interface Scheduler {
    /** The clock of {@link Request#deadlineNanos}. */
    long nanoTime();

    /** Runs {@code task} once, after {@code delayMillis}, on the caller's event loop; returns an id to cancel it. */
    long setTimer(long delayMillis, Runnable task);

    /** Does nothing when the timer already ran or was cancelled. */
    void cancelTimer(long id);

    /** The production one: {@link System#nanoTime()} and Vert.x timers. */
    static Scheduler of(Vertx vertx) {
        return new Scheduler() {
            @Override public long nanoTime() { return System.nanoTime(); }

            @Override public long setTimer(long delayMillis, Runnable task) {
                return vertx.setTimer(delayMillis, id -> task.run());
            }

            @Override public void cancelTimer(long id) { vertx.cancelTimer(id); }
        };
    }
}

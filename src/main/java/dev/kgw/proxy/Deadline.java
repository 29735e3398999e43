package dev.kgw.proxy;

/**
 * The time a fan-out (merge, sequential chain, concurrent calls) may take: its own budget, cut short by the
 * client's deadline when that comes first. One timer gives up on whatever is still running when it passes.
 *
 * @param nanos the absolute deadline (on the scheduler's clock) to give the sub-requests, so they give up with us
 */
record Deadline(Scheduler scheduler, long nanos, long timer) {

    static Deadline start(Scheduler s, long requestDeadlineNanos, long budgetNanos, Runnable onExpiry) {
        long now = s.nanoTime();
        long nanos = Math.min(requestDeadlineNanos, now + budgetNanos);
        // Vert.x refuses a delay under 1 ms: a deadline already passed expires on the next tick
        long timer = s.setTimer(Math.max(1, (nanos - now) / 1_000_000), onExpiry);
        return new Deadline(s, nanos, timer);
    }

    /** Once the fan-out has its answer: the timer would only hold on to it. */
    void cancel() { scheduler.cancelTimer(timer); }
}

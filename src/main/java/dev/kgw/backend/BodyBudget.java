package dev.kgw.backend;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory the whole node spends on buffered bodies at once. Each body has its own bound ({@code max_payload},
 * {@code max_response_size}); this one keeps many of them together inside the heap, so a crowd of large bodies
 * gets fast refusals (503, a backend error) instead of an out-of-memory stop that would cost every request in
 * flight. A request body counts its own size; a backend answer that is decoded counts {@link #DECODE_WEIGHT}
 * times its size, for the copies, the decoded tree and the rendered answer it turns into. What an exchange
 * holds is released when its answer has been written. One per node, shared by every event loop.
 */
public final class BodyBudget {
    /**
     * Heap per byte of a decoded answer, measured with bench/attack.sh on JSON: the raw body and its copy, the
     * parser's UTF-16 text, the decoded tree, the merged and rendered answer (6 was not enough).
     */
    public static final int DECODE_WEIGHT = 10;

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    public BodyBudget(long capacity) { this.capacity = capacity; }

    /** Most of the heap: the rest of the node (routes, pools, connections) lives in the remainder. */
    public static BodyBudget forHeap() { return new BodyBudget(Runtime.getRuntime().maxMemory() * 7 / 10); }

    /** Takes {@code n} if it fits. */
    public boolean tryReserve(long n) {
        while (true) {
            long u = used.get();
            if (u + n > capacity) return false;
            if (used.compareAndSet(u, u + n)) return true;
        }
    }

    public void release(long n) {
        if (n > 0) used.addAndGet(-n);
    }

    public long used() { return used.get(); }

    public long capacity() { return capacity; }

    /** What one exchange holds; released once, when its answer is written. Copies of a request share it. */
    public final class Ticket {
        private final AtomicLong held = new AtomicLong();
        private volatile boolean closed;

        /** Adds {@code n} already reserved; after {@link #close} (a backend that answered too late) it goes back. */
        public void hold(long n) {
            held.addAndGet(n);
            if (closed) release(held.getAndSet(0));
        }

        public void close() {
            closed = true;
            release(held.getAndSet(0));
        }
    }

    public Ticket ticket() { return new Ticket(); }

    /** The budget is spent: the body was refused, not too large. */
    public static final class ExhaustedException extends RuntimeException {
        public ExhaustedException(String what) {
            super(what + ": the node's memory budget for bodies is in use", null, false, false);
        }
    }
}

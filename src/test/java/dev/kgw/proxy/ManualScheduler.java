package dev.kgw.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A scheduler whose clock only moves when a test says so: {@link #advance} runs the timers that fall due, in order,
 * on the test's thread. Timing tests then say exactly when something happens, and cannot race real timers.
 */
final class ManualScheduler implements Scheduler {
    private record Timer(long id, long dueNanos, Runnable task) {}

    private static final Comparator<Timer> ORDER =
            Comparator.comparingLong(Timer::dueNanos).thenComparingLong(Timer::id);

    // not 0: code that mixes in System.nanoTime() or assumes a zero origin shows up as wrong deadlines
    private long now = Duration.ofDays(1).toNanos();
    private long nextId = 1;
    private final Map<Long, Timer> pending = new HashMap<>();

    @Override public long nanoTime() { return now; }

    @Override
    public long setTimer(long delayMillis, Runnable task) {
        if (delayMillis < 1) throw new IllegalArgumentException("Vert.x refuses a delay under 1 ms: " + delayMillis);
        Timer t = new Timer(nextId++, now + Duration.ofMillis(delayMillis).toNanos(), task);
        pending.put(t.id(), t);
        return t.id();
    }

    @Override public void cancelTimer(long id) { pending.remove(id); }

    /** Moves the clock on by {@code d}, running each timer due by then at its own time (timers they set too). */
    void advance(Duration d) {
        long until = now + d.toNanos();
        while (true) {
            Timer next = pending.values().stream().filter(t -> t.dueNanos() <= until).min(ORDER).orElse(null);
            if (next == null) break;
            pending.remove(next.id());
            now = next.dueNanos();
            next.task().run();
        }
        now = until;
    }

    void advanceMillis(long millis) { advance(Duration.ofMillis(millis)); }

    /** Asserts {@code happened} turns true exactly {@code millis} from now: not 1 ms before, and by then. */
    void assertHappensAfter(long millis, BooleanSupplier happened) {
        advanceMillis(millis - 1);
        if (happened.getAsBoolean()) throw new AssertionError("already happened " + (millis - 1) + " ms on");
        advanceMillis(1);
        if (!happened.getAsBoolean()) throw new AssertionError("not happened " + millis + " ms on");
    }

    /** Asserts {@code f} settles exactly {@code millis} from now. */
    void assertSettlesAfter(long millis, Future<?> f) { assertHappensAfter(millis, f::isComplete); }

    /** Timers set and neither run nor cancelled. */
    int pendingTimers() { return pending.size(); }

    /** A request whose deadline is far off on this clock, so only the proxy's own budget counts. */
    Request request(Map<String, String> params) {
        Request r = Fakes.request(params);
        r.deadlineNanos = now + Duration.ofSeconds(10).toNanos();
        return r;
    }

    Request request() { return request(Map.of()); }

    /** A backend answering with {@code r} after {@code millis} on this clock. */
    Proxy later(long millis, Response r) { return after(millis, p -> p.complete(r)); }

    /** A backend failing with {@code t} after {@code millis} on this clock. */
    Proxy failsLater(long millis, Throwable t) { return after(millis, p -> p.fail(t)); }

    private Proxy after(long millis, Consumer<Promise<Response>> settle) {
        return req -> {
            Promise<Response> p = Promise.promise();
            setTimer(millis, () -> settle.accept(p));
            return p.future();
        };
    }
}

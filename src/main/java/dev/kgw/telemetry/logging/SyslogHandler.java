package dev.kgw.telemetry.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Sends each record to the local syslog daemon, as KrakenD's {@code syslog: true} does (see {@link SyslogFormat}).
 * The logging thread, often an event loop, only formats the line and queues it; one writer thread does the socket
 * I/O. A slow or absent daemon therefore costs dropped lines, counted and reported on standard error, and never a
 * blocked caller.
 */
public final class SyslogHandler extends Handler implements AutoCloseable {
    private static final int QUEUE = 4096;
    /** During an outage, a new connection is tried at most this often; lines in between are dropped. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long DRAIN_MILLIS = 2000;

    private final SyslogSockets sockets;
    private final ThreadPoolExecutor writer;
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    // the writer thread's own state
    private volatile SyslogConnection connection;
    private boolean down;
    private long lastAttempt;
    private long lastDropReport;

    /**
     * Connects at once, so that start-up knows whether there is a daemon at all: throws when no socket on
     * {@code socketPaths} takes a connection.
     */
    SyslogHandler(List<Path> socketPaths, SyslogPriority priority, String tag, long pid, ZoneId zone)
            throws IOException {
        this.sockets = new SyslogSockets(socketPaths);
        try {
            this.connection = sockets.connect();
        } catch (IOException e) {
            sockets.close();
            throw e;
        }
        setFormatter(new SyslogFormat(priority, tag, pid, zone));
        this.lastDropReport = System.nanoTime();
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "kgw-syslog");
            t.setDaemon(true); // a stuck daemon must not keep the JVM alive; close() drains what it can
            return t;
        }, (r, executor) -> {
            if (!(r instanceof Line)) throw new RejectedExecutionException();
            dropped.increment();
        });
    }

    /** Where the lines go now, for messages about it. */
    String target() {
        SyslogConnection c = connection;
        return c == null ? "nowhere (reconnecting)" : c.describe();
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) return;
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        writer.execute(new Line(line));
    }

    /** Waits, a bounded time, for the lines queued so far to be written. */
    @Override
    public void flush() {
        try {
            writer.submit(() -> { }).get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            // closed, or the daemon is too slow: a flush must not hang the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) writer.shutdownNow();
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        SyslogConnection c = connection;
        if (c != null) c.close();
        sockets.close();
        long lost = dropped.sumThenReset();
        if (lost > 0) notice(lost + " log lines could not be sent to syslog");
    }

    private void write(byte[] line) {
        if (connection != null && sent(line)) {
            up();
            return;
        }
        long now = System.nanoTime();
        if (closed || (down && now - lastAttempt < RETRY_NANOS)) {
            dropped.increment();
            return;
        }
        lastAttempt = now;
        // as Go's log/syslog: after a failure, one new connection and one more try, then the line is lost
        try {
            connection = sockets.connect();
        } catch (IOException e) {
            outage(e.getMessage());
            dropped.increment();
            return;
        }
        if (sent(line)) up();
        else {
            outage("cannot write to " + target());
            dropped.increment();
        }
    }

    private boolean sent(byte[] line) {
        SyslogConnection c = connection;
        try {
            c.send(line);
            return true;
        } catch (IOException e) {
            c.close();
            connection = null;
            return false;
        }
    }

    private void outage(String why) {
        if (down) return;
        down = true;
        notice(why + "; log lines are dropped until the syslog daemon is back");
    }

    private void up() {
        long now = System.nanoTime();
        if (down) {
            down = false;
            notice("writing to " + target() + " again; " + dropped.sumThenReset() + " log lines were lost");
            lastDropReport = now;
        } else if (now - lastDropReport > DROP_REPORT_NANOS && dropped.sum() > 0) {
            notice(dropped.sumThenReset() + " log lines dropped: the syslog daemon does not keep up");
            lastDropReport = now;
        }
    }

    /** Straight to standard error: going through the logger could land back in this handler. */
    private static void notice(String message) {
        System.err.println("syslog: " + message);
    }

    /** A queued line; only these count as dropped when the queue is full. */
    private final class Line implements Runnable {
        private final byte[] bytes;

        Line(byte[] bytes) { this.bytes = bytes; }

        @Override
        public void run() { write(bytes); }
    }
}

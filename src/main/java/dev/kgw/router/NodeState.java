package dev.kgw.router;

/**
 * What a node tells its balancer: whether it is draining (about to stop), and which config it runs.
 * Set from the stopping thread, read by every event loop.
 */
public final class NodeState {
    private final String fingerprint;
    private volatile boolean draining;
    private volatile long drainingSince;

    public NodeState(String fingerprint) { this.fingerprint = fingerprint; }

    public String fingerprint() { return fingerprint; }

    public boolean draining() { return draining; }

    /** {@link System#nanoTime()} when draining started; meaningful only once {@link #draining()}. */
    public long drainingSince() { return drainingSince; }

    /**
     * From now on {@code /__health} answers 503 and every response asks its client to close the connection (and
     * the node closes it after that response).
     */
    public void startDraining() {
        if (draining) return;
        drainingSince = System.nanoTime();
        draining = true;
    }
}

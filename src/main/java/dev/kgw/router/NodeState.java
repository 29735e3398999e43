package dev.kgw.router;

/**
 * What a node tells its balancer: whether it is draining (about to stop), and which config it runs.
 * Set from the stopping thread, read by every event loop.
 */
public final class NodeState {
    private final String fingerprint;
    private volatile boolean draining;

    public NodeState(String fingerprint) { this.fingerprint = fingerprint; }

    public String fingerprint() { return fingerprint; }

    public boolean draining() { return draining; }

    /** From now on {@code /__health} answers 503 and responses ask clients to close their connection. */
    public void startDraining() { draining = true; }
}

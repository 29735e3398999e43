package dev.kgw.backend;

/** Picks the host (scheme://host:port) for the next call to one backend. */
@FunctionalInterface
public interface Balancer {
    String next();
}

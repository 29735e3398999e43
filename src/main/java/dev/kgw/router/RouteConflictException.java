package dev.kgw.router;

/** Two endpoints that cannot live in one route table; {@code check -t} reports it instead of crashing. */
public final class RouteConflictException extends RuntimeException {
    public RouteConflictException(String message) { super(message); }
}

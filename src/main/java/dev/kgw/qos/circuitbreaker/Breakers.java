package dev.kgw.qos.circuitbreaker;

import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's breakers: one per backend that declares one (as KrakenD builds one per backend config), each
 * published as a gauge ({@code circuitbreaker.state}: 0 closed, 1 half-open, 2 open) and a counter of how often it
 * opened, labelled with the backend; every change of state is logged with KrakenD's message, at WARNING with
 * {@code log_status_change} and at INFO without.
 */
final class Breakers implements Extension {
    private static final Logger LOG = Logger.getLogger("dev.kgw.qos.circuitbreaker");

    private final Node node;

    Breakers(Node node) { this.node = node; }

    @Override
    public Middleware backend(EndpointConfig e, BackendConfig b) {
        BreakerOptions o = b.extra().get(CircuitBreakerNamespace.NAME, BreakerOptions.class)
                .filter(x -> !x.isZero()).orElse(null);
        if (o == null) return null;
        String label = o.name().isEmpty() ? e.method() + " " + e.endpoint() + " -> " + b.urlPattern() : o.name();
        String prefix = "[ENDPOINT: " + e.endpoint() + "][BACKEND: " + b.urlPattern() + "][CB]";
        Level level = o.logStatusChange() ? Level.WARNING : Level.INFO;
        CircuitBreaker breaker = new CircuitBreaker(o.maxErrors(), o.interval().toNanos(), o.timeout().toNanos(),
                System::nanoTime, (from, to) -> LOG.log(level, () -> prefix + " Circuit breaker named '" + o.name()
                        + "' went from '" + from.label + "' to '" + to.label + "'"));
        Map<String, String> labels = Map.of("backend", label);
        node.publish(new Node.Counter("circuitbreaker.state", "State of each backend's circuit breaker: 0 closed, "
                + "1 half-open, 2 open", labels, true, () -> breaker.state().ordinal()));
        node.publish(new Node.Counter("circuitbreaker.opened", "How many times each backend's circuit breaker "
                + "opened", labels, false, breaker::trips));
        return new BreakerMiddleware(breaker, o.countNoop5xx() && "no-op".equals(b.encoding()));
    }
}

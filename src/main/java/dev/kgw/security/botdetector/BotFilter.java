package dev.kgw.security.botdetector;

import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Rejection;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.Exchange;
import dev.kgw.router.ServerFilter;
import dev.kgw.security.HealthCheck;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rejects bots with KrakenD's {@code AbortWithStatus(403)}: no body, no headers of its own. As a server filter it
 * guards every route but the health endpoint (KrakenD registers that one before the detector); as an endpoint filter,
 * one endpoint. A flood of bots would write a line each, so at most one a second says how many were left out.
 */
final class BotFilter implements ServerFilter {
    private static final Logger LOG = Logger.getLogger(BotFilter.class.getName());
    private static final Rejection FORBIDDEN = Rejection.status(403);

    private final BotDetector detector;
    private final String prefix;
    private final HealthCheck exempt;
    private final RateLimitedLog rejected = new RateLimitedLog(LOG, Duration.ofSeconds(1));

    /** @param exempt the health endpoint a service-level filter lets through, or null at an endpoint */
    BotFilter(BotDetector detector, String prefix, HealthCheck exempt) {
        this.detector = detector;
        this.prefix = prefix;
        this.exempt = exempt;
    }

    @Override
    public Rejection filter(Exchange ex) {
        if (exempt != null && exempt.matches(ex)) return null;
        if (!detector.isBot(ex.header("User-Agent"))) return null;
        rejected.log(Level.WARNING, () -> prefix + " bot rejected");
        return FORBIDDEN;
    }

    /** The endpoint stage's form of the same decision. */
    EndpointFilter atEndpoint() {
        return ex -> {
            Rejection r = filter(ex);
            return r == null ? EndpointFilter.PASS : Future.failedFuture(r);
        };
    }
}

package dev.kgw.auth.validator;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.kgw.auth.jose.KeySource;
import dev.kgw.auth.jose.KeySources;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.UrlPatterns;
import dev.kgw.log.RateLimitedLog;
import dev.kgw.router.EndpointFilter;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The node's part of {@code auth/validator}: a {@link JwtValidator} per endpoint that declares one, the key sources
 * they share, one verified-token cache for all. Key sets are fetched once ahead of traffic when cached.
 */
final class Validators implements Extension {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(10);

    private final Node node;
    private final KeySources sources;
    private final VerifiedTokens verified = new VerifiedTokens(VerifiedTokens.DEFAULT_BYTES, Ticker.systemTicker());
    private final RateLimitedLog log = new RateLimitedLog(Logger.getLogger("dev.kgw.auth.validator"),
            Duration.ofSeconds(10));
    private final Duration sharedTtl;

    Validators(Node node) {
        this.node = node;
        this.sources = new KeySources(node.vertx());
        this.sharedTtl = node.config().extra().get(ValidatorNamespace.NAME, ServiceOptions.class)
                .map(ServiceOptions::sharedCacheDuration).orElse(ValidatorNamespace.DEFAULT_CACHE);
    }

    @Override
    public EndpointFilter endpointFilter(EndpointConfig e) {
        return e.extra().get(ValidatorNamespace.NAME, ValidatorOptions.class).map(o -> {
            List<KeySource> keys = new ArrayList<>();
            for (Trust t : o.trusts()) {
                // one set shared by endpoints lives no longer than the service's shared cache allows
                Duration ttl = t.cacheTtl().compareTo(sharedTtl) > 0 ? sharedTtl : t.cacheTtl();
                keys.add(sources.of(t.keys(), ttl, t.keyCooldown(), DOWNLOAD_TIMEOUT));
            }
            return (EndpointFilter) new JwtValidator(node.vertx(), o, e.endpoint(), keys, verified, urlClaims(e),
                    Math.max(1, e.timeout().toMillis()), () -> System.currentTimeMillis() / 1000, System::nanoTime,
                    log);
        }).orElse(null);
    }

    /** The claims the endpoint's backends name as {@code {JWT.x}} (top-level only, as KrakenD). */
    static List<String> urlClaims(EndpointConfig e) {
        List<String> out = new ArrayList<>();
        for (BackendConfig b : e.backends()) {
            for (String p : UrlPatterns.looseParams(b.urlPattern())) {
                if (p.startsWith("JWT.") && !out.contains(p.substring(4))) out.add(p.substring(4));
            }
        }
        return out;
    }

    @Override
    public Future<Void> start() {
        sources.warmUp();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() { return sources.close(); }
}

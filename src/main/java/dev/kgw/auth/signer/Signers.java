package dev.kgw.auth.signer;

import dev.kgw.auth.jose.KeySources;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The node's part of {@code auth/signer}: a {@link TokenSigner} per endpoint that declares one. Its key set is
 * fetched ahead of traffic and refreshed every 15 minutes (KrakenD reads it once for good), so a rotated key
 * reaches the signer without a restart.
 */
final class Signers implements Extension {
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration COOLDOWN = Duration.ofSeconds(10);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(10);

    private final Node node;
    private final KeySources sources;

    Signers(Node node) {
        this.node = node;
        this.sources = new KeySources(node.vertx());
    }

    @Override
    public Middleware pipe(EndpointConfig e) {
        return e.extra().get(SignerNamespace.NAME, SignerOptions.class)
                .map(o -> (Middleware) new TokenSigner(node.vertx(), o, e.endpoint(),
                        sources.of(o.keys(), o.keys().remote() ? TTL : Duration.ZERO, COOLDOWN, DOWNLOAD_TIMEOUT)))
                .orElse(null);
    }

    @Override
    public Future<Void> start() {
        sources.warmUp();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() { return sources.close(); }
}

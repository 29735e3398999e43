package dev.kgw.auth.jose;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key sources of one node, one per distinct way of reaching a key set: endpoints that name the same set with
 * the same settings share its download and cache (KrakenD's {@code shared_cache_duration} cache does the same for
 * keys). Built at start-up, closed with the node.
 */
public final class KeySources {
    private record Id(JwkSettings settings, Duration ttl, Duration cooldown) {}

    private final Vertx vertx;
    private final Map<Id, KeySource> sources = new HashMap<>();
    private final List<JwksClient> clients = new ArrayList<>();

    public KeySources(Vertx vertx) { this.vertx = vertx; }

    /**
     * @param ttl      how long a downloaded set is used (zero: not cached)
     * @param cooldown the least time between downloads caused by unknown key ids or failures
     * @param timeout  the most one download may take
     */
    public synchronized KeySource of(JwkSettings s, Duration ttl, Duration cooldown, Duration timeout) {
        return sources.computeIfAbsent(new Id(s, ttl, cooldown), id -> {
            if (!s.remote()) {
                try {
                    return LocalKeySource.read(Path.of(s.localPath()), s.strategy());
                } catch (Exception e) {
                    throw new IllegalStateException("jwk_local_path " + s.localPath() + ": " + e.getMessage(), e);
                }
            }
            JwksClient client;
            try {
                client = new JwksClient(vertx, s, timeout.toMillis());
            } catch (Exception e) {
                throw new IllegalStateException("JWKS client for " + s.url() + ": " + e.getMessage(), e);
            }
            clients.add(client);
            return new RemoteKeySource(s.url(), () -> client.fetch(s.url()), body -> {
                try {
                    return KeySet.parse(body.getBytes(), s.strategy());
                } catch (ParseException e) {
                    throw new IllegalArgumentException("bad key set from " + s.url() + ": " + e.getMessage(), e);
                }
            }, System::nanoTime, ttl.toNanos(), cooldown.toNanos());
        });
    }

    public synchronized void warmUp() { sources.values().forEach(KeySource::warmUp); }

    public synchronized Future<Void> close() {
        List<Future<Void>> all = new ArrayList<>();
        clients.forEach(c -> all.add(c.close()));
        return Future.join(all).mapEmpty();
    }

    /** For {@code check}: why a local key file cannot be used, or null. */
    public static String localProblem(JwkSettings s) {
        if (s.remote()) return null;
        try {
            LocalKeySource.read(Path.of(s.localPath()), s.strategy());
            return null;
        } catch (Exception e) {
            return "cannot use " + s.localPath() + ": " + e.getMessage();
        }
    }
}

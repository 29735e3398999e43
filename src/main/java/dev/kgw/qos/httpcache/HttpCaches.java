package dev.kgw.qos.httpcache;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The node's caches: one per backend that declares one, and one for all those that say {@code shared} (created
 * by the first of them, whose bounds win, as in KrakenD). Each backend's hits, misses, coalesced misses,
 * revalidations and stale answers are counters labelled with the backend; each store's entries and bytes gauges.
 */
final class HttpCaches implements Extension {
    private final Node node;
    private final LongSupplier wallClock;
    private LruStore shared;

    HttpCaches(Node node, LongSupplier wallClock) {
        this.node = node;
        this.wallClock = wallClock;
    }

    @Override
    public ClientInterceptor client(EndpointConfig e, BackendConfig b) {
        CacheOptions o = b.extra().get(HttpCacheNamespace.NAME, CacheOptions.class).orElse(null);
        if (o == null) return null;
        String label = e.method() + " " + e.endpoint() + " -> " + b.urlPattern();
        LruStore store;
        if (o.shared()) {
            if (shared == null) {
                shared = new LruStore(o.maxItems(), o.maxBytes());
                gauges(shared, "shared");
            }
            store = shared;
        } else {
            store = new LruStore(o.maxItems(), o.maxBytes());
            gauges(store, label);
        }
        CacheCounters c = new CacheCounters();
        Map<String, String> labels = Map.of("backend", label);
        counter("httpcache.hits", "Answers served from the HTTP cache", labels, c.hits);
        counter("httpcache.misses", "Cacheable requests that went to the backend", labels, c.misses);
        counter("httpcache.coalesced", "Misses that waited for a concurrent identical request instead of calling",
                labels, c.coalesced);
        counter("httpcache.revalidated", "Stale answers the backend confirmed with 304", labels, c.revalidated);
        counter("httpcache.stale_on_error", "Stale answers served because the backend failed (stale-if-error)",
                labels, c.staleOnError);
        return new HttpCacheInterceptor(store, wallClock, c);
    }

    private void counter(String name, String description, Map<String, String> labels, LongAdder value) {
        node.publish(new Node.Counter(name, description, labels, false, value::sum));
    }

    private void gauges(LruStore store, String label) {
        Map<String, String> labels = Map.of("cache", label);
        node.publish(new Node.Counter("httpcache.entries", "Answers held by the HTTP cache", labels, true,
                store::items));
        node.publish(new Node.Counter("httpcache.bytes", "Bytes held by the HTTP cache", labels, true, store::bytes));
    }
}

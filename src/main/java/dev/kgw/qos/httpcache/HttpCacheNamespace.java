package dev.kgw.qos.httpcache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.List;
import java.util.Set;

/**
 * {@code qos/http-cache} (backend): KrakenD's private cache of backend answers, in the HTTP client stage.
 * {@code max_items} and {@code max_size} (bytes) bound it together; KrakenD keeps every answer when either is
 * missing, which one URL with a varying query can fill a node's memory with, so here the file must give both or
 * neither, and neither gets this node's defaults (10,000 answers, an eighth of the heap up to 64 MiB) with a
 * warning from {@code check}.
 */
public final class HttpCacheNamespace implements Namespace {
    public static final String NAME = "qos/http-cache";
    static final long DEFAULT_ITEMS = 10_000;

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-httpcache"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

    static long defaultBytes() { return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        boolean shared = f.bool("shared", false);
        boolean hasItems = f.has("max_items"), hasSize = f.has("max_size");
        double items = f.number("max_items", 0);
        double size = f.number("max_size", 0);
        f.warnUnknown();
        if (items < 0) problems.error(f.path("max_items"), "must not be negative, found " + items);
        if (size < 0) problems.error(f.path("max_size"), "must not be negative, found " + size);
        if (items > 0 && size > 0) return new CacheOptions(shared, (long) items, (long) size, true);
        if (hasItems != hasSize || items > 0 != size > 0) {
            String missing = items > 0 ? "max_size" : "max_items";
            problems.error(f.path(missing), "max_items and max_size bound the cache together: give both "
                    + "(KrakenD would keep every answer without a bound)");
        } else {
            problems.warn(path, "no max_items and max_size: KrakenD keeps every answer; this node bounds the cache at "
                    + DEFAULT_ITEMS + " answers and " + (defaultBytes() >> 20) + " MiB");
        }
        return new CacheOptions(shared, DEFAULT_ITEMS, defaultBytes(), false);
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().flatMap(e -> e.backends().stream())
                .anyMatch(b -> b.extra().get(NAME, CacheOptions.class).isPresent());
        return used ? new HttpCaches(node, System::currentTimeMillis) : Extension.NONE;
    }
}

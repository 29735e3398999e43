package dev.kgw.qos.httpcache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KrakenD's LRU (krakend/lru) bounded by entries and by bytes at once, under one lock: a read moves the entry to
 * the front, a value as large as the byte bound is not stored, and a store evicts from the back until both bounds
 * hold. Unlike KrakenD's, replacing a key accounts for the old value's bytes.
 */
final class LruStore {
    private final long maxItems;
    private final long maxBytes;
    private final LinkedHashMap<String, CachedAnswer> map = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long evictions;

    LruStore(long maxItems, long maxBytes) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    synchronized CachedAnswer get(String key) { return map.get(key); }

    synchronized void put(String key, CachedAnswer value) {
        if (value.size() >= maxBytes) {
            remove(key);
            return;
        }
        CachedAnswer old = map.put(key, value);
        if (old != null) bytes -= old.size();
        bytes += value.size();
        Iterator<Map.Entry<String, CachedAnswer>> eldest = map.entrySet().iterator();
        while ((bytes > maxBytes || map.size() > maxItems) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
            evictions++;
        }
    }

    synchronized void remove(String key) {
        CachedAnswer old = map.remove(key);
        if (old != null) bytes -= old.size();
    }

    synchronized long items() { return map.size(); }

    synchronized long bytes() { return bytes; }

    synchronized long evictions() { return evictions; }
}

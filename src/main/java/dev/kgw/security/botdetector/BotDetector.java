package dev.kgw.security.botdetector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;

/**
 * krakend-botdetector's decision, in its order: an empty User-Agent is a bot only if the file says so, then the
 * exact allow list, the exact deny list, and the patterns (Go's unanchored {@code MatchString}, RE2 so a hostile
 * User-Agent costs linear time). With {@code cache_size} the decisions are remembered in a bounded cache, but only
 * for User-Agents up to {@link #MAX_CACHED_LENGTH} characters: real ones are far shorter, and an attacker sending
 * random 8 KB User-Agents then evicts nothing useful and holds at most {@code cache_size} short keys.
 */
final class BotDetector {
    /** Longer User-Agents are decided each time and never cached. */
    static final int MAX_CACHED_LENGTH = 512;

    private final BotDetectorOptions o;
    private final Cache<String, Boolean> cache;

    BotDetector(BotDetectorOptions o) {
        this.o = o;
        // maintenance on the calling thread: no pool of our own, no task handed to the common pool per request
        this.cache = o.cacheSize() > 0
                ? Caffeine.newBuilder().maximumSize(o.cacheSize()).executor(Runnable::run).build() : null;
    }

    /** @param userAgent the first User-Agent header, null when absent */
    boolean isBot(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        if (cache == null || ua.length() > MAX_CACHED_LENGTH) return decide(ua);
        Boolean known = cache.getIfPresent(ua);
        if (known != null) return known;
        boolean bot = decide(ua);
        cache.put(ua, bot);
        return bot;
    }

    private boolean decide(String ua) {
        if (ua.isEmpty()) return o.emptyUserAgentIsBot();
        if (o.allow().contains(ua)) return false;
        if (o.deny().contains(ua)) return true;
        for (Pattern p : o.patterns()) if (p.matcher(ua).find()) return true;
        return false;
    }

    /** Decisions held now (after pending evictions), for tests and metrics. */
    long cached() {
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.estimatedSize();
    }
}

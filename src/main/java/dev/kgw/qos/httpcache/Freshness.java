package dev.kgw.qos.httpcache;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Whether a stored answer may be served without asking the backend: gregjones/httpcache's {@code getFreshness}
 * and {@code canStaleOnError}, the rules KrakenD's cache follows. There is no heuristic freshness: an answer
 * without {@code Date}, or without {@code max-age}/{@code Expires}, is stale.
 */
final class Freshness {
    enum Verdict { FRESH, STALE, TRANSPARENT }

    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz",
            Locale.US);

    private Freshness() {}

    /**
     * What the verdicts need of a stored answer, read once when it is stored rather than on every hit: its
     * {@code Cache-Control}, its {@code Date} (epoch millis, null when absent or unparsable) and the lifetime its
     * {@code max-age} or else its {@code Expires} gives (nanoseconds, 0 when neither does).
     */
    record Stored(CacheControl cacheControl, Long date, long lifetime) {
        static Stored of(String cacheControl, String date, String expires) {
            CacheControl cc = CacheControl.parse(cacheControl);
            Long d = parseDate(date);
            long lifetime = 0;
            if (cc.has("max-age")) {
                Long v = CacheControl.seconds(cc.value("max-age"));
                lifetime = v == null ? 0 : v;
            } else if (d != null && expires != null && !expires.isEmpty()) {
                Long e = parseDate(expires);
                lifetime = e == null ? 0 : (e - d) * 1_000_000L;
            }
            return new Stored(cc, d, lifetime);
        }
    }

    /** @param nowMillis wall-clock time, as the backend's {@code Date} is */
    static Verdict of(String respCacheControl, String respDate, String respExpires, String reqCacheControl,
                      long nowMillis) {
        return of(Stored.of(respCacheControl, respDate, respExpires), reqCacheControl, nowMillis);
    }

    static Verdict of(Stored resp, String reqCacheControl, long nowMillis) {
        CacheControl req = CacheControl.parse(reqCacheControl);
        if (req.has("no-cache")) return Verdict.TRANSPARENT;
        if (resp.cacheControl().has("no-cache")) return Verdict.STALE;
        if (req.has("only-if-cached")) return Verdict.FRESH;
        if (resp.date() == null) return Verdict.STALE;
        long age = (nowMillis - resp.date()) * 1_000_000L;
        long lifetime = resp.lifetime();
        if (req.has("max-age")) {
            Long v = CacheControl.seconds(req.value("max-age"));
            lifetime = v == null ? 0 : v;
        }
        if (req.has("min-fresh")) {
            Long v = CacheControl.seconds(req.value("min-fresh"));
            if (v != null) age += v;
        }
        if (req.has("max-stale")) {
            String v = req.value("max-stale");
            if (v.isEmpty()) return Verdict.FRESH;
            Long s = CacheControl.seconds(v);
            if (s != null) age -= s;
        }
        return lifetime > age ? Verdict.FRESH : Verdict.STALE;
    }

    /** {@code stale-if-error} in the answer or the request, without a value or still within it. */
    static boolean staleOnError(Stored stored, String reqCacheControl, long nowMillis) {
        CacheControl req = CacheControl.parse(reqCacheControl);
        long lifetime = -1;
        for (CacheControl cc : new CacheControl[] {stored.cacheControl(), req}) {
            if (!cc.has("stale-if-error")) continue;
            String v = cc.value("stale-if-error");
            if (v.isEmpty()) return true;
            Long s = CacheControl.seconds(v);
            if (s == null) return false;
            lifetime = s;
        }
        if (lifetime < 0) return false;
        Long date = stored.date();
        return date != null && lifetime > (nowMillis - date) * 1_000_000L;
    }

    /** Go's {@code time.Parse(time.RFC1123, v)}; null when it does not parse. */
    static Long parseDate(String v) {
        if (v == null || v.isEmpty()) return null;
        try {
            return ZonedDateTime.parse(v.strip(), RFC1123).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

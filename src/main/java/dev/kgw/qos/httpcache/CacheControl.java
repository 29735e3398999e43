package dev.kgw.qos.httpcache;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@code Cache-Control} value read as gregjones/httpcache reads it, which is what KrakenD's cache decides on:
 * the first header only, split on {@code ,} and then on {@code =}, no quoting. Directives keep their case.
 */
final class CacheControl {
    private final Map<String, String> directives;

    private CacheControl(Map<String, String> directives) { this.directives = directives; }

    static final CacheControl NONE = new CacheControl(Map.of());

    static CacheControl parse(String header) {
        if (header == null || header.isEmpty()) return NONE;
        Map<String, String> d = new HashMap<>(4);
        for (String part : header.split(",")) {
            part = part.strip();
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) {
                d.put(part, "");
            } else {
                String value = part.substring(eq + 1);
                int next = value.indexOf('=');
                if (next >= 0) value = value.substring(0, next); // Go's Split keeps only the second piece
                d.put(part.substring(0, eq).strip(), value);
            }
        }
        return new CacheControl(d);
    }

    boolean has(String directive) { return directives.containsKey(directive); }

    /** The directive's value, "" when it has none, null when absent. */
    String value(String directive) { return directives.get(directive); }

    /**
     * A number of seconds as Go's {@code time.ParseDuration(v + "s")} reads it (decimals allowed), in nanoseconds;
     * null when it does not parse.
     */
    static Long seconds(String v) {
        if (v == null || v.isEmpty()) return null;
        try {
            double s = Double.parseDouble(v.strip());
            if (Double.isNaN(s) || Double.isInfinite(s) || v.contains("e") || v.contains("E")) return null;
            return (long) (s * 1_000_000_000L);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package dev.kgw.security.cors;

import java.util.List;
import java.util.Locale;

/**
 * Which origins may make cross-origin requests, as rs/cors compares them: lower-cased on both sides (the spec says
 * case-sensitive; rs/cors chose otherwise and browsers send lower-case anyway), {@code *} anywhere allows every
 * origin, and an entry with one {@code *} matches a prefix and a suffix that do not overlap.
 */
record OriginRule(boolean any, List<String> exact, List<Wildcard> wildcards) {
    record Wildcard(String prefix, String suffix) {
        boolean matches(String origin) {
            return origin.length() >= prefix.length() + suffix.length() && origin.startsWith(prefix)
                    && origin.endsWith(suffix);
        }
    }

    boolean allows(String origin) {
        if (any) return true;
        String o = origin.toLowerCase(Locale.ROOT);
        if (exact.contains(o)) return true;
        for (Wildcard w : wildcards) if (w.matches(o)) return true;
        return false;
    }
}

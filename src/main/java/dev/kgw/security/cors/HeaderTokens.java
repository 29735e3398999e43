package dev.kgw.security.cors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The allowed request headers of a preflight, as rs/cors v1.11.1 checks {@code Access-Control-Request-Headers}
 * (its {@code internal.SortedSet}): browsers send those names lower-case, sorted and unique (the Fetch standard),
 * so a list that is not exactly that, or names one header not allowed, is refused. Each element may carry one byte
 * of optional whitespace on either side; at most 16 empty elements are tolerated. A name is only looked for within
 * the first bytes that could hold the longest allowed name, so a huge header value costs no more than a short one.
 */
final class HeaderTokens {
    private static final int MAX_OWS = 1;
    private static final int MAX_EMPTY = 16;

    /** Each allowed name (lower-cased) with its rank in lexicographic order. */
    private final Map<String, Integer> rank = new HashMap<>();
    private final int maxLen;

    HeaderTokens(List<String> allowed) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String h : allowed) sorted.add(h.toLowerCase(Locale.ROOT));
        int longest = 0;
        for (String h : sorted) {
            rank.put(h, rank.size());
            longest = Math.max(longest, h.length());
        }
        this.maxLen = longest;
    }

    /** rs/cors's {@code Accepts}: every value's comma-separated names allowed, strictly increasing, few empties. */
    boolean accepts(List<String> values) {
        int window = MAX_OWS + maxLen + MAX_OWS + 1; // one name, its whitespace and its comma
        int lastRank = -1;
        int empty = 0;
        for (String s : values) {
            int from = 0;
            while (true) {
                int comma = commaWithin(s, from, Math.min(s.length(), from + window));
                boolean found = comma >= 0;
                String name = s.substring(from, found ? comma : s.length());
                name = trimOws(name);
                if (name == null) return false;
                if (name.isEmpty()) {
                    if (++empty > MAX_EMPTY) return false;
                } else {
                    Integer r = rank.get(name);
                    if (r == null || r <= lastRank) return false;
                    lastRank = r;
                }
                if (!found) break;
                from = comma + 1;
            }
        }
        return true;
    }

    private static int commaWithin(String s, int from, int end) {
        for (int i = from; i < end; i++) if (s.charAt(i) == ',') return i;
        return -1;
    }

    /** The name without at most one byte of space or tab on each side, or null when there is more. */
    static String trimOws(String s) {
        if (s.isEmpty()) return s;
        int end = s.length();
        int right = 0;
        while (end > 0 && isOws(s.charAt(end - 1))) {
            if (++right > MAX_OWS && end - 1 > 0) return null;
            end--;
        }
        int start = 0;
        int left = 0;
        while (start < end && isOws(s.charAt(start))) {
            if (++left > MAX_OWS) return null;
            start++;
        }
        return s.substring(start, end);
    }

    private static boolean isOws(char c) { return c == ' ' || c == '\t'; }
}

package dev.kgw.auth.validator;

import dev.kgw.router.Exchange;

/**
 * Where a token is read from, as go-auth0's {@code FromMultiple(header, cookie)}: the header first ({@code Bearer }
 * stripped case-insensitively when more follows it; a bare token is taken too), then the cookie. A header that is
 * there but empty falls through to the cookie; one that holds anything is the token, good or bad.
 */
final class TokenExtractor {
    private final String header;
    private final String cookie;

    TokenExtractor(String header, String cookie) {
        this.header = header;
        this.cookie = cookie;
    }

    /** The raw token, or null when the request carries none. */
    String extract(Exchange ex) {
        String raw = ex.header(header);
        if (raw != null && raw.length() > 7 && raw.regionMatches(true, 0, "BEARER ", 0, 7)) raw = raw.substring(7);
        if (raw != null && !raw.isEmpty()) return raw;
        for (String line : ex.headers("Cookie")) {
            String v = cookieValue(line, cookie);
            if (v != null) return v.isEmpty() ? null : v;
        }
        return null;
    }

    /** Go's {@code readCookies} for one name: {@code a=b; c="d"}, the first match, quotes dropped. */
    static String cookieValue(String line, String name) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            int end = line.indexOf(';', i);
            if (end < 0) end = n;
            String part = line.substring(i, end).trim();
            i = end + 1;
            int eq = part.indexOf('=');
            if (eq <= 0 || !part.substring(0, eq).equals(name)) continue;
            String v = part.substring(eq + 1);
            if (v.length() > 1 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') v = v.substring(1, v.length() - 1);
            return v;
        }
        return null;
    }
}

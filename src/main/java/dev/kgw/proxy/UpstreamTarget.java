package dev.kgw.proxy;

import dev.kgw.encoding.Percent;
import java.nio.charset.StandardCharsets;

/**
 * Makes the path and static query of an expanded {@code url_pattern} safe to put on a request line, as Go's
 * {@code url.Parse} followed by {@code URL.RequestURI()} does for KrakenD: the path keeps its own spelling when
 * it is validly escaped and is escaped again from its decoded form otherwise ({@code a b} → {@code a%20b},
 * {@code é} → {@code %C3%A9}, {@code "} → {@code %22}); a control byte is never sent (Go refuses the URL).
 * Beyond Go, bytes that may not stand in a request line's query are escaped there too, so no space or quote
 * can split the request the backend reads.
 */
public final class UpstreamTarget {
    private UpstreamTarget() {}

    /** An expanded target that cannot be sent (control bytes, a broken escape). */
    public static final class InvalidTargetException extends IllegalArgumentException {
        InvalidTargetException(String message) { super(message); }
    }

    /** Go's {@code URL.EscapedPath()} of {@code url.Parse(path)}. */
    public static String path(String raw) {
        checkControl(raw);
        if (validEncoded(raw)) return raw; // the common case: nothing allocated
        String decoded = unescape(raw);
        StringBuilder sb = new StringBuilder(decoded.length() + 16);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (shouldEscapeInPath(c)) percent(sb, c);
            else sb.append((char) c);
        }
        return sb.toString();
    }

    /** The static query of a url_pattern: kept as written but for bytes no request line may carry. */
    public static String query(String raw) {
        checkControl(raw);
        int i = 0;
        while (i < raw.length() && allowedInQuery(raw.charAt(i))) i++;
        if (i == raw.length()) return raw;
        StringBuilder sb = new StringBuilder(raw.length() + 16).append(raw, 0, i);
        for (byte b : raw.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && allowedInQuery((char) c)) sb.append((char) c);
            else percent(sb, c);
        }
        return sb.toString();
    }

    private static void checkControl(String s) {
        if (Percent.hasControlByte(s)) throw new InvalidTargetException("net/url: invalid control character in URL");
    }

    /** Go's {@code validEncoded(s, encodePath)}. */
    private static boolean validEncoded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%' -> { }
                default -> {
                    if (c >= 0x80 || shouldEscapeInPath(c)) return false;
                }
            }
        }
        // every '%' must start a valid escape; otherwise Go's parse fails
        unescape(s);
        return true;
    }

    /** Go's {@code shouldEscape(c, encodePath)}. */
    private static boolean shouldEscapeInPath(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
        return switch (c) {
            case '-', '_', '.', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@' -> false;
            default -> true;
        };
    }

    /** RFC 3986 query characters (pchar / "/" / "?"), plus '%' for escapes already there. */
    private static boolean allowedInQuery(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        return switch (c) {
            case '-', '_', '.', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?', '%' -> true;
            default -> false;
        };
    }

    private static String unescape(String s) {
        try {
            return Percent.decode(s);
        } catch (Percent.BadEscapeException e) {
            throw new InvalidTargetException(e.getMessage());
        }
    }

    private static void percent(StringBuilder sb, int c) {
        Percent.append(sb, c);
    }
}

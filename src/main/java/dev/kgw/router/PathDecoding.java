package dev.kgw.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Path params arrive percent-encoded; they are decoded once, as Go does. lura then refuses (400) a value that
 * still decodes to something else or holds {@code ?} or {@code #}: such values would smuggle path or query parts
 * into the backend URL, since placeholders are substituted without escaping.
 */
final class PathDecoding {
    private PathDecoding() {}

    static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
                    && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static boolean isSuspicious(String decoded) {
        return decoded.indexOf('?') >= 0 || decoded.indexOf('#') >= 0 || !decode(decoded).equals(decoded);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}

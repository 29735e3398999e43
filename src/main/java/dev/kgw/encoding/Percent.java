package dev.kgw.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of URL parts, byte for byte as Go's {@code net/url} reads and writes it. */
public final class Percent {
    private Percent() {}

    /** A {@code %} that does not start two hex digits. */
    public static final class BadEscapeException extends IllegalArgumentException {
        BadEscapeException(String escape) { super("invalid URL escape \"" + escape + "\""); }
    }

    /** Decodes {@code %XX} escapes (as UTF-8); {@code +} stays as it is. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw new BadEscapeException(s.substring(i, Math.min(s.length(), i + 3)));
                }
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else if (c < 0x80) {
                out.write(c);
                i++;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A byte below space or DEL: Go's {@code url.Parse} refuses it anywhere in a URL. */
    public static boolean hasControlByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
        }
        return false;
    }

    /** Appends {@code %XX} (upper-case hex) for one byte. */
    public static void append(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}

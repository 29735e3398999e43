package dev.kgw.security.http;

import java.nio.charset.StandardCharsets;

/** The two escapes Go's {@code http.Redirect} applies to its target, so a redirect reads byte for byte as KrakenD's. */
final class GoHtml {
    private GoHtml() {}

    /** {@code html.EscapeString}'s five characters, as Go's {@code htmlReplacer}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code hexEscapeNonASCII}: every byte above 0x7f of the UTF-8 form as {@code %XX}, so Location stays ASCII. */
    static String hexEscapeNonAscii(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) return s;
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            if ((x & 0xff) >= 0x80) b.append('%').append(String.format("%02X", x & 0xff));
            else b.append((char) x);
        }
        return b.toString();
    }
}

package dev.kgw.proxy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code url.Values.Encode()}: keys sorted, {@code QueryEscape} on names and values. */
public final class QueryEncoding {
    private QueryEncoding() {}

    public static String encode(Map<String, List<String>> query) {
        if (query.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(query).entrySet()) {
            for (String v : e.getValue()) {
                if (sb.length() > 0) sb.append('&');
                escape(e.getKey(), sb);
                sb.append('=');
                escape(v, sb);
            }
        }
        return sb.toString();
    }

    static void escape(String s, StringBuilder sb) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
    }
}

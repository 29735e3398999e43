package dev.kgw.proxy.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits KrakenD dot paths exactly like Go's {@code strings.Split(s, ".")}: empty segments are kept
 * ({@code "a..b"}, {@code "a."}) and {@code ""} yields one empty segment. Java's
 * {@link String#split} drops trailing empties, which would make {@code "a."} address {@code a}
 * instead of the key {@code ""} inside {@code a}.
 */
public final class DotPaths {

    private DotPaths() {
    }

    public static String[] split(String path) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            parts.add(path.substring(start, dot));
            start = dot + 1;
        }
        parts.add(path.substring(start));
        return parts.toArray(new String[0]);
    }
}

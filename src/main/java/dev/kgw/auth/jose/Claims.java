package dev.kgw.auth.jose;

import dev.kgw.encoding.GoFloat;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.encoding.JsonNumber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified token's claims as go-jose hands them to KrakenD ({@code map[string]interface{}}, numbers as
 * {@code float64}), and krakend-jose's ways of reading them: nested lookups by dots, and the text a claim becomes
 * in a header or a URL ({@code Claims.Get} / {@code Claims.List}).
 */
public final class Claims {
    private Claims() {}

    /** The decoded payload with every number as a double, as Go's decoder leaves it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> goValues(Map<String, Object> decoded) {
        return (Map<String, Object>) go(decoded);
    }

    private static Object go(Object v) {
        if (v instanceof JsonNumber n) return n.doubleValue();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, go(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(go(x));
            return out;
        }
        return v;
    }

    /**
     * The map holding the last step of a dotted name, and that last step (krakend-jose's {@code getNestedClaim});
     * when a step is missing or not an object, an empty map: nothing is found, as there.
     */
    public static Map.Entry<String, Map<String, Object>> nested(String name, Map<String, Object> claims) {
        String[] steps = name.split("\\.", -1);
        Map<String, Object> m = claims;
        for (int i = 0; i < steps.length - 1; i++) {
            if (!(m.get(steps[i]) instanceof Map<?, ?> next)) return Map.entry(name, Map.of());
            @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) next;
            m = typed;
        }
        return Map.entry(steps[steps.length - 1], m);
    }

    /** {@code Claims.Get}: one text for a claim, or null when absent. */
    public static String text(Map<String, Object> claims, String name) {
        if (!claims.containsKey(name)) return null;
        Object v = claims.get(name);
        if (v instanceof String s) return s;
        if (v instanceof Double d) return number(d);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ",").append(goV(l.get(i)));
            return sb.toString();
        }
        return json(v);
    }

    /** {@code Claims.List}: the values of a claim, {@code [""]} when absent (KrakenD keeps the header). */
    public static List<String> list(Map<String, Object> claims, String name) {
        if (!claims.containsKey(name)) return List.of("");
        Object v = claims.get(name);
        if (v instanceof String s) return List.of(s);
        if (v instanceof Double d) return List.of(number(d));
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(goV(x));
            return out;
        }
        return List.of(json(v));
    }

    /** An integral float as {@code %d}, any other as {@code %f}. */
    private static String number(double d) {
        double r = Math.rint(d);
        if (Math.abs(d - r) <= 1e-6 && Math.abs(r) < 9.2e18) return Long.toString((long) r);
        return String.format(java.util.Locale.ROOT, "%f", d);
    }

    /** Go's {@code %v} of a decoded JSON value. */
    private static String goV(Object v) {
        if (v == null) return "<nil>";
        if (v instanceof String s) return s;
        if (v instanceof Double d) return GoFloat.g(d);
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : " ").append(goV(l.get(i)));
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            m.keySet().stream().map(String::valueOf).sorted().forEach(k ->
                    sb.append(sb.length() > 4 ? " " : "").append(k).append(':').append(goV(m.get(k))));
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static String json(Object v) {
        return new String(JsonCodec.instance().encode(v), StandardCharsets.UTF_8);
    }

    /** A claim as a list of strings (an array of strings, or a space-separated string), or null otherwise. */
    public static List<String> words(Object v) {
        if (v instanceof String s) return List.of(s.split(" ", -1));
        if (!(v instanceof List<?> l)) return null;
        List<String> out = new ArrayList<>(l.size());
        for (Object x : l) {
            if (!(x instanceof String s)) return null;
            out.add(s);
        }
        return out;
    }
}

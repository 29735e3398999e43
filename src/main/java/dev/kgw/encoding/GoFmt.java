package dev.kgw.encoding;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf("%v", v)} for the values of our data model. mxj formats numbers,
 * booleans and stray values with {@code %v}; matching it keeps XML output identical to KrakenD's.
 */
final class GoFmt {

    private GoFmt() {
    }

    static String v(Object o) {
        if (o == null) {
            return "<nil>";
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof JsonNumber n) {
            return n.text();
        }
        if (o instanceof Double d) {
            return GoFloat.g(d);
        }
        if (o instanceof Float f) {
            return GoFloat.g(f);
        }
        if (o instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (o instanceof Map<?, ?> m) {
            // fmt prints maps as map[k:v k:v] with sorted keys.
            String[] keys = m.keySet().stream().map(String::valueOf).toArray(String[]::new);
            Arrays.sort(keys, Utf8Order.INSTANCE);
            StringBuilder sb = new StringBuilder("map[");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(keys[i]).append(':').append(v(lookup(m, keys[i])));
            }
            return sb.append(']').toString();
        }
        if (o instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            int i = 0;
            for (Object item : c) {
                if (i++ > 0) {
                    sb.append(' ');
                }
                sb.append(v(item));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(o);
    }

    private static Object lookup(Map<?, ?> m, String key) {
        if (m.containsKey(key)) {
            return m.get(key);
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (String.valueOf(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}

package dev.kgw.encoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code xml} output encoding: clbanning/mxj v1.8.4 {@code Map.Xml()} with
 * {@code XMLEscapeChars(true)}, as krakend-xml registers it. A single key becomes the root element,
 * otherwise everything goes under {@code <doc>}; keys and attributes are sorted; empty strings,
 * nulls, empty maps and empty lists self-close. When mxj would fail (see {@link #render}) KrakenD
 * sends an empty body, and so does this renderer.
 */
public final class XmlRenderer {

    private static final String ROOT = "doc";

    /** Thrown where mxj returns an error; KrakenD then writes nothing. */
    private static final class MxjError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MxjError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Renders the data. Returns an empty array for data mxj cannot encode: an attribute
     * ({@code -key}) holding a map, list or null, or {@code #text} beside child elements.
     */
    public byte[] render(Map<String, Object> data) {
        StringBuilder sb = new StringBuilder(256);
        try {
            if (data != null && data.size() == 1) {
                Map.Entry<String, Object> e = data.entrySet().iterator().next();
                if (e.getValue() instanceof List<?> list && !allMaps(list)) {
                    // A bare list of scalars would leave no root element, so mxj wraps it.
                    element(sb, ROOT, data);
                } else {
                    element(sb, String.valueOf(e.getKey()), e.getValue());
                }
            } else {
                element(sb, ROOT, data == null ? Map.of() : data);
            }
        } catch (MxjError e) {
            return new byte[0];
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean allMaps(List<?> list) {
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>) || o instanceof StructMap) {
                return false;
            }
        }
        return true;
    }

    private static void element(StringBuilder sb, String key, Object value) {
        if (value instanceof Object[] arr) {
            value = List.of(arr);
        }
        if (value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                sb.append('<').append(key).append("/>");
                return;
            }
            for (Object item : items) {
                element(sb, key, item);
            }
            return;
        }
        sb.append('<').append(key);
        if (value instanceof Map<?, ?> m) {
            mapElement(sb, key, m);
            return;
        }
        String text = text(value);
        if (text.isEmpty()) {
            sb.append("/>");
        } else {
            sb.append('>').append(text).append("</").append(key).append('>');
        }
    }

    private static void mapElement(StringBuilder sb, String key, Map<?, ?> m) {
        List<String[]> attrs = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.length() > 1 && k.charAt(0) == '-') {
                attrs.add(new String[] {k.substring(1), attribute(k, e.getValue())});
            } else {
                children.add(k);
            }
        }
        attrs.sort((a, b) -> Utf8Order.INSTANCE.compare(a[0], b[0]));
        for (String[] a : attrs) {
            sb.append(' ').append(a[0]).append("=\"").append(a[1]).append('"');
        }
        if (children.isEmpty()) {
            sb.append("/>");
            return;
        }
        if (children.contains("#text")) {
            if (children.size() > 1) {
                throw new MxjError("invalid attribute key label: #text - due to attributes not being prefixed");
            }
            Object t = get(m, "#text");
            String s = t instanceof String str ? escape(str) : GoFmt.v(t);
            sb.append('>').append(s).append("</").append(key).append('>');
            return;
        }
        sb.append('>');
        children.sort(Utf8Order.INSTANCE);
        for (String k : children) {
            element(sb, k, get(m, k));
        }
        sb.append("</").append(key).append('>');
    }

    private static String attribute(String k, Object v) {
        if (v instanceof String s) {
            return escape(s);
        }
        if (isScalar(v)) {
            return GoFmt.v(v);
        }
        throw new MxjError("invalid attribute value for: " + k);
    }

    /** Element text: strings escaped, numbers and booleans via %v (unescaped, as mxj does). */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return escape(s);
        }
        if (v instanceof byte[] b) {
            return escape(new String(b, StandardCharsets.UTF_8));
        }
        if (isScalar(v)) {
            return GoFmt.v(v);
        }
        // mxj hands other Go types to encoding/xml; the closest we have is their string form.
        return escape(String.valueOf(v));
    }

    private static boolean isScalar(Object v) {
        return v instanceof JsonNumber || v instanceof Boolean || v instanceof Number;
    }

    private static Object get(Map<?, ?> m, String key) {
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

    /** mxj's escapeChars: the five XML specials, nothing else. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}

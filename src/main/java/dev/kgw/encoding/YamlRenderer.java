package dev.kgw.encoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code yaml} output encoding, written like Go's yaml.v2 {@code Marshal}: block style, two-space indent,
 * keys sorted, list items at their key's indent, strings quoted only when they would read back as something else.
 * Hand-written because the exact layout is part of the contract and it is a few lines.
 */
public final class YamlRenderer {
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "~", "True", "False", "TRUE", "FALSE", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF", "Null",
            "NULL", "Y", "N", "");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+");

    public byte[] render(Map<String, Object> data) {
        StringBuilder sb = new StringBuilder(256);
        if (data == null || data.isEmpty()) sb.append("{}\n");
        else map(sb, data, 0);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void map(StringBuilder sb, Map<?, ?> m, int indent) {
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) keys.add(String.valueOf(k));
        keys.sort(Utf8Order.INSTANCE);
        for (String k : keys) {
            pad(sb, indent);
            sb.append(scalar(k)).append(':');
            Object v = m.get(k);
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                sb.append('\n');
                map(sb, child, indent + 2);
            } else if (v instanceof List<?> l && !l.isEmpty()) {
                sb.append('\n');
                list(sb, l, indent);
            } else {
                sb.append(' ').append(inline(v)).append('\n');
            }
        }
    }

    private void list(StringBuilder sb, List<?> l, int indent) {
        for (Object item : l) {
            pad(sb, indent);
            sb.append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                // the first key sits on the dash line, the rest under it
                StringBuilder inner = new StringBuilder();
                map(inner, m, indent + 2);
                sb.append(inner.substring(indent + 2));
            } else if (item instanceof List<?> nested && !nested.isEmpty()) {
                StringBuilder inner = new StringBuilder();
                list(inner, nested, indent + 2);
                sb.append(inner.substring(indent + 2));
            } else {
                sb.append(inline(item)).append('\n');
            }
        }
    }

    private String inline(Object v) {
        if (v == null) return "null";
        if (v instanceof Map<?, ?>) return "{}";
        if (v instanceof List<?>) return "[]";
        if (v instanceof String s) return scalar(s);
        if (v instanceof Double || v instanceof Float) return GoFloat.json(((Number) v).doubleValue());
        return String.valueOf(v);
    }

    static String scalar(String s) {
        if (needsQuotes(s)) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\t", "\\t") + "\"";
        return s;
    }

    private static boolean needsQuotes(String s) {
        if (RESERVED.contains(s) || NUMBER.matcher(s).matches()) return true;
        if (s.startsWith(" ") || s.endsWith(" ")) return true;
        char c = s.charAt(0);
        if ("!&*{}[],#|>@`\"'%?:".indexOf(c) >= 0) return true;
        if (c == '-' && (s.length() == 1 || s.charAt(1) == ' ')) return true;
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) return true;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20) return true;
        return false;
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }
}

package dev.kgw.encoding;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code yaml} output encoding. KrakenD CE renders YAML with gin, which (gin 1.12, KrakenD
 * 2.13) marshals through goccy/go-yaml v1.19.2; this reproduces that output: two-space block
 * style, keys sorted by bytes, sequences at their key's indent, {@code {}} and {@code []} for
 * empty collections, goccy's quoting. Backend numbers arrive as Go json.Number, a string type,
 * so goccy prints them quoted ({@code "42"}); this renderer does the same for {@link JsonNumber}.
 */
public final class YamlRenderer {

    public byte[] render(Map<String, Object> data) {
        YamlTree.Node root = encode(data == null ? Map.of() : data, 1);
        return (root.string() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private YamlTree.Node encode(Object v, int column) {
        if (v == null) {
            return new YamlTree.Plain("null");
        }
        if (v instanceof String s) {
            return string(s, column);
        }
        if (v instanceof JsonNumber n) {
            return string(n.text(), column);
        }
        if (v instanceof Boolean b) {
            return new YamlTree.Plain(b ? "true" : "false");
        }
        if (v instanceof Double d) {
            return new YamlTree.Plain(floatText(d, GoFloat.g(d)));
        }
        if (v instanceof Float f) {
            return new YamlTree.Plain(floatText(f, GoFloat.g(f)));
        }
        if (v instanceof BigDecimal bd) {
            return new YamlTree.Plain(bd.toPlainString());
        }
        if (v instanceof Number num) {
            return new YamlTree.Plain(num.toString());
        }
        if (v instanceof Map<?, ?> m) {
            return mapping(m, column);
        }
        if (v instanceof Collection<?> c) {
            return sequence(c);
        }
        if (v instanceof Object[] a) {
            return sequence(List.of(a));
        }
        return string(String.valueOf(v), column);
    }

    private static YamlTree.Str string(String s, int column) {
        return new YamlTree.Str(YamlQuoting.needsQuotes(s) ? GoQuote.quote(s) : s, column);
    }

    /** goccy keeps floats recognisable: 42.0 is printed "42.0", not "42". */
    private static String floatText(double v, String g) {
        if (Double.isNaN(v)) {
            return ".nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? ".inf" : "-.inf";
        }
        return g.contains(".") || g.contains("e") ? g : g + ".0";
    }

    private YamlTree.Node mapping(Map<?, ?> m, int column) {
        List<String> keys = new ArrayList<>(m.size());
        List<Object> values = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            keys.add(String.valueOf(e.getKey()));
            values.add(e.getValue());
        }
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!(m instanceof StructMap)) {
            // Go structs keep field order; maps are sorted by key.
            Arrays.sort(order, (a, b) -> Utf8Order.INSTANCE.compare(keys.get(a), keys.get(b)));
        }
        YamlTree.Mapping node = new YamlTree.Mapping();
        for (int i : order) {
            YamlTree.Node value = encode(values.get(i), column);
            if (value instanceof YamlTree.Mapping) {
                value.addColumn(YamlTree.INDENT);
            }
            node.entries.add(new YamlTree.Node[] {string(keys.get(i), column), value});
        }
        return node;
    }

    /** goccy encodes sequence items at the encoder's base column, whatever the nesting. */
    private YamlTree.Node sequence(Collection<?> items) {
        YamlTree.Sequence seq = new YamlTree.Sequence(1);
        for (Object item : items) {
            seq.values.add(encode(item, 1));
        }
        return seq;
    }
}

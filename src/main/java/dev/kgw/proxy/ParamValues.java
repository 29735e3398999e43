package dev.kgw.proxy;

import java.util.List;
import java.util.stream.Collectors;

/** How lura prints a response value into a URL ({@code fmt %v}): numbers as written, arrays joined by commas. */
final class ParamValues {
    private ParamValues() {}

    static String toText(Object v) {
        if (v == null) return "<nil>";
        if (v instanceof List<?> l) return l.stream().map(ParamValues::toText).collect(Collectors.joining(","));
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
        return v.toString();
    }
}

package dev.kgw.encoding;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When goccy/go-yaml (gin's YAML renderer in KrakenD) double-quotes a string: a port of its
 * {@code token.IsNeedQuoted}. Kept literal, quirks included (for example {@code 1e5} and
 * {@code 089} stay plain), because every difference shows up in the rendered bytes.
 */
final class YamlQuoting {

    private static final Set<String> KEYWORDS = Set.of(
            "null", "Null", "NULL", "~",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");

    private static final String[] TIMESTAMP_LAYOUTS = {
        "2006-01-02T15:04:05.999999999Z07:00",
        "2006-01-02t15:04:05.999999999Z07:00",
        "2006-01-02 15:04:05",
        "2006-01-02",
        "15:4",
    };

    /** Go's ParseFloat syntax for decimal input (the only form that can reach it here). */
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private YamlQuoting() {
    }

    static boolean needsQuotes(String v) {
        if (v.isEmpty() || KEYWORDS.contains(v) || isNumber(v) || v.equals("-")) {
            return true;
        }
        switch (v.charAt(0)) {
            case '*', '&', '[', '{', '}', ']', ',', '!', '|', '>', '%', '\'', '"', '@', ' ', '`':
                return true;
            default:
                break;
        }
        char last = v.charAt(v.length() - 1);
        if (last == ':' || last == ' ') {
            return true;
        }
        if (isTimestamp(v)) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '#' || c == '\\') {
                return true;
            }
            if ((c == ':' || c == '-') && i + 1 < v.length() && v.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    static boolean isTimestamp(String v) {
        for (String layout : TIMESTAMP_LAYOUTS) {
            if (GoTime.parse(layout, v) != null) {
                return true;
            }
        }
        return false;
    }

    /** goccy's isNumber: parses as an int/uint/float, out-of-range values included. */
    static boolean isNumber(String value) {
        if (value.isEmpty() || value.startsWith("_")) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots > 1) {
            return false;
        }
        boolean negative = value.startsWith("-");
        String normalized = value;
        if (normalized.startsWith("+")) {
            normalized = normalized.substring(1);
        }
        if (normalized.startsWith("-")) {
            normalized = normalized.substring(1);
        }
        normalized = normalized.replace("_", "");
        int base;
        if (normalized.startsWith("0x")) {
            normalized = normalized.substring(2);
            base = 16;
        } else if (normalized.startsWith("0o")) {
            normalized = normalized.substring(2);
            base = 8;
        } else if (normalized.startsWith("0b")) {
            normalized = normalized.substring(2);
            base = 2;
        } else if (normalized.startsWith("0") && normalized.length() > 1 && dots == 0) {
            base = 8;
        } else if (dots == 1) {
            // ParseFloat: a syntax error means "not a number", a range error still counts.
            return FLOAT.matcher(negative ? "-" + normalized : normalized).matches();
        } else {
            base = 10;
        }
        String text = negative ? "-" + normalized : normalized;
        return parsesAsInteger(text, base, negative);
    }

    /** ParseInt/ParseUint with an explicit base: digits only (sign for ParseInt), any size. */
    private static boolean parsesAsInteger(String text, int base, boolean signed) {
        int i = 0;
        if (signed) {
            if (text.startsWith("-") || text.startsWith("+")) {
                i = 1;
            }
        }
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), base) < 0 || text.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

}

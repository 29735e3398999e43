package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * How KrakenD reads the scalars of its own structs (root, endpoint, backend, TLS): koanf's default decoder,
 * mapstructure with {@code WeaklyTypedInput} and the string-to-duration hook. A config KrakenD accepts must not
 * be refused here, and one it refuses must not be accepted, so these are its rules exactly: a number where a
 * string is expected becomes its decimal text, a bool becomes {@code "1"}/{@code "0"}; a bool where a number is
 * expected becomes 1/0, a string is read by Go's {@code strconv.ParseInt(s, 0, 64)} ({@code ""} is 0, {@code 0x}
 * and a leading {@code 0} change the base), a fraction is truncated; a number where a bool is expected is
 * "not zero", a string is read by {@code strconv.ParseBool} ({@code ""} is false); a duration is a Go duration
 * string or a number of nanoseconds. Each coercion comes with a {@link Coerced#note} so the operator sees it.
 */
final class WeakDecoding {
    private WeakDecoding() {}

    /** A decoded value; {@code note} says how it was coerced, or is null when it already had the right type. */
    record Coerced<T>(T value, String note) {
        static <T> Coerced<T> exact(T value) { return new Coerced<>(value, null); }
    }

    static Coerced<String> string(JsonNode v) {
        if (v.isTextual()) return Coerced.exact(v.textValue());
        if (v.isBoolean()) return as(v, quote(v.booleanValue() ? "1" : "0"), v.booleanValue() ? "1" : "0");
        if (v.isNumber()) {
            String text = numberText(v);
            return as(v, quote(text), text);
        }
        throw new IllegalArgumentException("must be a string, found " + Fields.kind(v));
    }

    static Coerced<Long> integer(JsonNode v) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) throw new IllegalArgumentException(v.asText() + " is out of range");
            return Coerced.exact(v.longValue());
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isNaN(d) || Math.abs(d) >= 0x1p63) throw new IllegalArgumentException(v.asText() + " is out of range");
            long truncated = (long) d;
            return truncated == d ? Coerced.exact(truncated) : as(v, Long.toString(truncated) + " (truncated)", truncated);
        }
        if (v.isBoolean()) return as(v, v.booleanValue() ? "1" : "0", v.booleanValue() ? 1L : 0L);
        if (v.isTextual()) {
            long n = parseGoInt(v.textValue().isEmpty() ? "0" : v.textValue());
            return as(v, "the number " + n, n);
        }
        throw new IllegalArgumentException("must be an integer, found " + Fields.kind(v));
    }

    static Coerced<Boolean> bool(JsonNode v) {
        if (v.isBoolean()) return Coerced.exact(v.booleanValue());
        if (v.isNumber()) {
            boolean b = v.doubleValue() != 0;
            return as(v, Boolean.toString(b), b);
        }
        if (v.isTextual()) {
            String s = v.textValue();
            Boolean b = switch (s) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False", "" -> false;
                default -> null;
            };
            if (b == null) throw new IllegalArgumentException("cannot parse " + quote(s) + " as a boolean"
                    + " (use true or false)");
            return as(v, Boolean.toString(b), b);
        }
        throw new IllegalArgumentException("must be a boolean, found " + Fields.kind(v));
    }

    /** A Go duration string, or a number of nanoseconds (as Go's {@code time.Duration} is an int64 of them). */
    static Coerced<Duration> duration(JsonNode v) {
        if (v.isTextual()) return Coerced.exact(GoDuration.parse(v.textValue()));
        if (!v.isNumber() && !v.isBoolean()) {
            throw new IllegalArgumentException("must be a duration string such as \"1s\" or \"500ms\", found "
                    + Fields.kind(v));
        }
        long nanos = integer(v).value();
        Duration d = Duration.ofNanos(nanos);
        if (nanos == 0 && v.isNumber()) return Coerced.exact(d);
        return new Coerced<>(d, shown(v) + " is read as " + GoDuration.format(d) + ", as in Go: a duration without"
                + " a unit is a number of nanoseconds (write \"" + (v.isNumber() ? numberText(v) : "1") + "s\" for seconds)");
    }

    private static <T> Coerced<T> as(JsonNode from, String shownAs, T value) {
        return new Coerced<>(value, shown(from) + " is read as " + shownAs + ", as KrakenD does");
    }

    /** {@code "8080" (a string)}, {@code true (a boolean)}. */
    static String shown(JsonNode v) {
        String text = v.isTextual() ? quote(v.textValue()) : v.isNumber() ? numberText(v) : v.toString();
        return text + " (a " + Fields.kind(v) + ")";
    }

    static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)} of the number (integers as they are). */
    private static String numberText(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) return Long.toString(v.longValue());
        return BigDecimal.valueOf(v.doubleValue()).stripTrailingZeros().toPlainString();
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}: sign, base prefix (0b, 0o, 0x, or a bare leading 0 for octal), underscores. */
    static long parseGoInt(String s) {
        String digits = s;
        boolean negative = false;
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) throw syntax(s);
        int base = 10;
        if (digits.charAt(0) == '0') {
            char p = digits.length() >= 3 ? Character.toLowerCase(digits.charAt(1)) : 0;
            base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 8;
            digits = digits.substring(p == 'b' || p == 'o' || p == 'x' ? 2 : 1);
        }
        BigInteger n = BigInteger.ZERO;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = c < 128 ? Character.digit(c, 36) : -1;
            if (d < 0 || d >= base) throw syntax(s);
            n = n.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
            if (n.bitLength() > 64) throw outOfRange(s); // Go stops here too, before looking further
        }
        if (underscores && !underscoreOk(s)) throw syntax(s);
        if (negative) n = n.negate();
        if (n.bitLength() > 63) throw outOfRange(s);
        return n.longValue();
    }

    private static IllegalArgumentException outOfRange(String s) {
        return new IllegalArgumentException("cannot parse " + quote(s) + " as an integer: value out of range");
    }

    /** Go's rule: an underscore only between digits (or after a base prefix). */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) s = s.substring(1);
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') return false;
                saw = '_';
                continue;
            }
            if (saw == '_') return false;
            saw = '!';
        }
        return saw != '_';
    }

    private static IllegalArgumentException syntax(String s) {
        return new IllegalArgumentException("cannot parse " + quote(s) + " as an integer (Go's strconv.ParseInt,"
                + " base from the prefix: invalid syntax)");
    }
}

package dev.kgw.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration}: KrakenD configs write durations as {@code 500ms}, {@code 1m30s} or
 * {@code 1.5s}, and a config must mean the same thing here as it does there.
 */
public final class GoDuration {
    private GoDuration() {}

    /** @throws IllegalArgumentException with Go's wording when the text is not a duration */
    public static Duration parse(String text) {
        if (text == null) throw new IllegalArgumentException("time: invalid duration \"\"");
        String s = text;
        String orig = s;
        if (s.isEmpty()) throw invalid(orig);
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) return Duration.ZERO;
        if (s.isEmpty()) throw invalid(orig);
        BigDecimal totalNanos = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean dot = false;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == '.' && !dot))) {
                dot |= s.charAt(i) == '.';
                i++;
            }
            if (start == i) throw invalid(orig);
            String number = s.substring(start, i);
            if (number.equals(".")) throw invalid(orig);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') i++;
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) throw new IllegalArgumentException("time: missing unit in duration \"" + orig + "\"");
            long nanosPerUnit = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException(
                        "time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
            };
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit)));
        }
        long nanos;
        try {
            nanos = totalNanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(orig); // beyond Go's ~2562047h
        }
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    /** Go's {@code Duration.String()}, used when a config is dumped back to the operator. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n == 0) return "0s";
        StringBuilder sb = new StringBuilder();
        if (n < 0) { sb.append('-'); n = -n; }
        if (n < 1_000) return sb.append(n).append("ns").toString();
        if (n < 1_000_000) return sb.append(trim(BigDecimal.valueOf(n, 3))).append("µs").toString();
        if (n < 1_000_000_000) return sb.append(trim(BigDecimal.valueOf(n, 6))).append("ms").toString();
        long h = n / 3_600_000_000_000L;
        long rest = n % 3_600_000_000_000L;
        long m = rest / 60_000_000_000L;
        rest = rest % 60_000_000_000L;
        if (h > 0) sb.append(h).append('h');
        if (h > 0 || m > 0) sb.append(m).append('m');
        return sb.append(trim(BigDecimal.valueOf(rest, 9))).append('s').toString();
    }

    private static String trim(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        return s;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}

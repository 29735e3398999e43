package dev.kgw.encoding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats floating point numbers the way Go does. Java's {@code Double.toString} uses different
 * exponent thresholds (and on JDK 17 is not always the shortest round-trip form), so any double
 * that reaches a renderer would otherwise differ from KrakenD's bytes.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** Go's {@code encoding/json} text for a float64. */
    public static String json(double v) {
        return json(v, false);
    }

    /** Go's {@code encoding/json} text for a float32. */
    public static String json(float v) {
        return json(v, true);
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, which is also what {@code fmt}'s
     * {@code %v} prints (and so what mxj writes into XML).
     */
    public static String g(double v) {
        return g(v, false);
    }

    /** Like {@link #g(double)} for a float32. */
    public static String g(float v) {
        return g(v, true);
    }

    private static String json(double v, boolean f32) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("json: unsupported value: " + g(v, f32));
        }
        double abs = Math.abs(v);
        boolean exp = false;
        if (abs != 0) {
            exp = f32 ? ((float) abs < 1e-6f || (float) abs >= 1e21f) : (abs < 1e-6 || abs >= 1e21);
        }
        Digits d = shortest(v, f32);
        boolean neg = isNegative(v);
        if (!exp) {
            return fmtF(neg, d, Math.max(d.nd() - d.dp, 0));
        }
        String s = fmtE(neg, d, Math.max(d.nd() - 1, 0));
        // Go trims "e-07" to "e-7" (only for negative two-digit exponents).
        int n = s.length();
        if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
            s = s.substring(0, n - 2) + s.charAt(n - 1);
        }
        return s;
    }

    private static String g(double v, boolean f32) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        Digits d = shortest(v, f32);
        boolean neg = isNegative(v);
        int prec = d.nd();
        int exp = d.dp - 1;
        // Shortest formatting always decides with precision 6.
        if (exp < -4 || exp >= 6) {
            return fmtE(neg, d, prec - 1);
        }
        if (prec > d.dp) {
            prec = d.nd();
        }
        return fmtF(neg, d, Math.max(prec - d.dp, 0));
    }

    private static boolean isNegative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    /** Decimal digits with value 0.digits x 10^dp, like Go's internal decimalSlice. */
    record Digits(String digits, int dp) {
        int nd() {
            return digits.length();
        }
    }

    static Digits shortest(double v, boolean f32) {
        double abs = Math.abs(v);
        if (abs == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(abs);
        int max = f32 ? 9 : 17;
        for (int p = 1; p <= max; p++) {
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (roundTrips(nearest, abs, f32)) {
                return digitsOf(nearest);
            }
            // Near powers of two the round-trip interval is lopsided, so the farther neighbour
            // of the same length may still be inside it.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (roundTrips(c, abs, f32)) {
                    return digitsOf(c);
                }
            }
        }
        return digitsOf(exact.round(new MathContext(max, RoundingMode.HALF_EVEN)));
    }

    private static boolean roundTrips(BigDecimal c, double abs, boolean f32) {
        return f32 ? c.floatValue() == (float) abs : c.doubleValue() == abs;
    }

    private static Digits digitsOf(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        String u = s.unscaledValue().toString();
        return new Digits(u, u.length() - s.scale());
    }

    static String fmtE(boolean neg, Digits d, int prec) {
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() == 0 ? '0' : d.digits.charAt(0));
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.digits, i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append('e');
        int exp = d.nd() == 0 ? 0 : d.dp - 1;
        sb.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
        return sb.toString();
    }

    static String fmtF(boolean neg, Digits d, int prec) {
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        if (d.dp > 0) {
            int m = Math.min(d.nd(), d.dp);
            sb.append(d.digits, 0, m);
            for (; m < d.dp; m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.digits.charAt(j) : '0');
            }
        }
        return sb.toString();
    }
}

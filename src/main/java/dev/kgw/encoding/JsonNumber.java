package dev.kgw.encoding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number kept as its source text. KrakenD decodes with Go's {@code json.Number}, so
 * {@code 1.50} must be written back as {@code 1.50} and 20-digit ids must not lose precision;
 * keeping the text (instead of a double) is what makes that byte-exact.
 */
public record JsonNumber(String text) {

    public JsonNumber {
        Objects.requireNonNull(text, "text");
    }

    /** Exact numeric value, for the rare places (math, comparisons) that need one. */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(text);
    }

    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public String toString() {
        return text;
    }
}

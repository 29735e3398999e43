package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values and messages are those of Go's {@code time.ParseDuration}. */
class GoDurationTest {

    @ParameterizedTest(name = "{0} = {1}ns")
    @CsvSource({
            "500ms,   500000000",
            "1m30s,   90000000000",
            "1.5s,    1500000000",
            "150us,   150000",
            "150µs,   150000",
            "2h,      7200000000000",
            "1h2m3s4ms5us6ns, 3723004005006",
            ".5s,     500000000",
            "-1.5m,   -90000000000",
            "0,       0",
            "-0,      0",
            "0s,      0",
    })
    void parses(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "10    | time: missing unit in duration \"10\"",
            "1x    | time: unknown unit \"x\" in duration \"1x\"",
            "''    | time: invalid duration \"\"",
            "s     | time: invalid duration \"s\"",
            "-     | time: invalid duration \"-\"",
            ".     | time: invalid duration \".\"",
    })
    void rejectsWithGosMessage(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    
    void overflowIsInvalid() {
        // Go: time: invalid duration "3000000h" (more than ~292 years); here BigDecimal.longValue() wraps
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("3000000h"));
        assertEquals("time: invalid duration \"3000000h\"", e.getMessage());
    }

    @Test
    
    void secondDotIsAMissingUnitInGo() {
        // Go reads "1." then finds no unit before ".5s"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("1..5s"));
        assertEquals("time: missing unit in duration \"1..5s\"", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0s, 0", "1.5s, 1500000000", "1m30s, 90000000000", "500ms, 500000000", "150µs, 150000",
            "2h0m0s, 7200000000000", "-1.5s, -1500000000", "10ns, 10"})
    void formatsLikeGo(String expected, long nanos) {
        assertEquals(expected, GoDuration.format(Duration.ofNanos(nanos)));
    }
}

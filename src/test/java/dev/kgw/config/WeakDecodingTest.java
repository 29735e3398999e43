package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Go's {@code strconv.ParseInt(s, 0, 64)}, which KrakenD uses for every number written as a string. */
class WeakDecodingTest {
    @Test
    void basePrefixesSignsAndUnderscoresAsInGo() {
        assertEquals(8080, WeakDecoding.parseGoInt("8080"));
        assertEquals(8080, WeakDecoding.parseGoInt("0x1F90"));
        assertEquals(15, WeakDecoding.parseGoInt("0o17"));
        assertEquals(15, WeakDecoding.parseGoInt("017"), "a leading 0 is octal");
        assertEquals(5, WeakDecoding.parseGoInt("0B101"));
        assertEquals(0, WeakDecoding.parseGoInt("0"));
        assertEquals(1000, WeakDecoding.parseGoInt("1_000"));
        assertEquals(31, WeakDecoding.parseGoInt("0x_1F"));
        assertEquals(5, WeakDecoding.parseGoInt("+5"));
        assertEquals(-16, WeakDecoding.parseGoInt("-0x10"));
        assertEquals(Long.MIN_VALUE, WeakDecoding.parseGoInt("-9223372036854775808"));
    }

    @Test
    void whatGoRefusesIsRefused() {
        for (String bad : new String[] {"", "08080", "80a", " 80", "1.5", "_1", "1__0", "1_", "0x", "٣", "-", "1e3"}) {
            assertThrows(IllegalArgumentException.class, () -> WeakDecoding.parseGoInt(bad), bad);
        }
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> WeakDecoding.parseGoInt("9223372036854775808"));
        assertEquals("cannot parse \"9223372036854775808\" as an integer: value out of range", range.getMessage());
    }
}

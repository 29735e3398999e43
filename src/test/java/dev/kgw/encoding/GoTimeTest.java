package dev.kgw.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GoTimeTest {

    private static String parse(String layout, String value) {
        GoTime.Parsed p = GoTime.parse(layout, value);
        return p == null ? null : p.rfc3339Nano();
    }

    @Test
    void followsGoLayoutRules() {
        assertEquals("2006-01-02T15:04:05.123-07:00",
                parse("2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.123-07:00"));
        assertEquals("2006-01-02T15:04:05Z", parse("2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z"));
        // Single-digit fields accept one or two digits, zero-padded ones need two.
        assertEquals("2024-03-05T00:00:00Z", parse("2006-1-2", "2024-3-5"));
        assertNull(parse("2006-01-02", "2024-3-5"));
        // Spaces in the layout match any run of spaces; underscore days accept a leading space.
        assertEquals("2006-01-02T15:04:05Z", parse("Mon Jan _2 15:04:05 2006", "Mon Jan  2 15:04:05 2006"));
        assertEquals("2006-01-02T15:04:00Z", parse("Jan 2, 2006 3:04 PM", "jan 2, 2006 3:04 PM"));
        // A fraction in the value is accepted even if the layout has none.
        assertNotNull(GoTime.parse("2006-01-02 15:04:05", "2006-01-02 15:04:05.25"));
    }

    @Test
    void rejectsWhatGoRejects() {
        assertNull(parse("2006-01-02", "2024-02-30"));
        assertNull(parse("15:4", "24:00"));
        assertNull(parse("2006-01-02", "2024-01-02x"));
        assertNull(parse("Mon, 02 Jan 2006", "Xyz, 02 Jan 2006"));
    }
}

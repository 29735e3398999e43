package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected names are what Go's {@code textproto.CanonicalMIMEHeaderKey} returns. */
class HeaderNamesTest {

    @ParameterizedTest
    @CsvSource({
            "x-y-z,            X-Y-Z",
            "CONTENT-TYPE,     Content-Type",
            "content-type,     Content-Type",
            "x-forwarded-for,  X-Forwarded-For",
            "accept,           Accept",
            "x--y,             X--Y",
            "x-1a,             X-1a",
    })
    void canonicalises(String in, String expected) {
        assertEquals(expected, HeaderNames.canonical(in));
    }

    @ParameterizedTest
    @CsvSource({"'with space'", "'ünicode-name'"})
    void leavesInvalidNamesAlone(String in) {
        assertEquals(in, HeaderNames.canonical(in));
    }
}

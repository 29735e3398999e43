package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlainUrlTest {
    @Test
    void theAddressPoolHostHeaderAndTargetOfAUrl() {
        assertEquals(new PlainUrl("10.0.0.1", 8080, "10.0.0.1:8080", "10.0.0.1:8080", "/a/b?x=1"),
                PlainUrl.parse("http://10.0.0.1:8080/a/b?x=1#frag"));
        assertEquals(new PlainUrl("backend", 80, "backend", "backend", "/"), PlainUrl.parse("http://backend"));
        assertEquals(new PlainUrl("backend", 80, "backend", "backend", "/?q"), PlainUrl.parse("http://backend?q"));
        assertEquals(new PlainUrl("::1", 9000, "[::1]:9000", "[::1]:9000", "/x"), PlainUrl.parse("http://[::1]:9000/x"));
        assertEquals(new PlainUrl("h", 81, "h:81", "h:81", "/p"), PlainUrl.parse("http://user:pw@h:81/p"));
    }

    @Test
    void aUrlWithoutHostOrWithABadPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlainUrl.parse("http:///x"));
        assertThrows(IllegalArgumentException.class, () -> PlainUrl.parse("http://h:99999/x"));
        assertThrows(IllegalArgumentException.class, () -> PlainUrl.parse("http://h:abc/x"));
    }
}

package dev.kgw.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpstreamTargetTest {
    @Test
    void theAddressPoolHostHeaderAndTargetOfAUrl() {
        assertEquals(new UpstreamTarget("10.0.0.1", 8080, "10.0.0.1:8080", "10.0.0.1:8080", "/a/b?x=1"),
                UpstreamTarget.parse("http://10.0.0.1:8080/a/b?x=1#frag"));
        assertEquals(new UpstreamTarget("backend", 80, "backend", "backend", "/"), UpstreamTarget.parse("http://backend"));
        assertEquals(new UpstreamTarget("backend", 80, "backend", "backend", "/?q"), UpstreamTarget.parse("http://backend?q"));
        assertEquals(new UpstreamTarget("::1", 9000, "[::1]:9000", "[::1]:9000", "/x"), UpstreamTarget.parse("http://[::1]:9000/x"));
        assertEquals(new UpstreamTarget("h", 81, "h:81", "h:81", "/p"), UpstreamTarget.parse("http://user:pw@h:81/p"));
    }

    @Test
    void aUrlWithoutHostOrWithABadPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamTarget.parse("http:///x"));
        assertThrows(IllegalArgumentException.class, () -> UpstreamTarget.parse("http://h:99999/x"));
        assertThrows(IllegalArgumentException.class, () -> UpstreamTarget.parse("http://h:abc/x"));
    }
}

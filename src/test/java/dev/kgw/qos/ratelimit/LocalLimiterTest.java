package dev.kgw.qos.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalLimiterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void clientLimitGives429EndpointLimitGives503() {
        RateLimitOptions o = new RateLimitOptions(3, 3, 2, 2, Duration.ofSeconds(1), "header", "X-Client", null);
        LocalLimiter l = new LocalLimiter(o, 0);
        assertEquals(0, l.admit("a", 0));
        assertEquals(0, l.admit("a", 0));
        assertEquals(429, l.admit("a", 0), "client a used its 2");
        assertEquals(0, l.admit("b", 0));
        assertEquals(503, l.admit("c", 0), "the endpoint's 3 are gone");
    }

    @Test
    void bucketsRefillAtTheRate() {
        RateLimitOptions o = new RateLimitOptions(2, 2, 0, 0, Duration.ofSeconds(1), "ip", "", null);
        LocalLimiter l = new LocalLimiter(o, 0);
        assertEquals(0, l.admit("", 0));
        assertEquals(0, l.admit("", 0));
        assertEquals(503, l.admit("", 0));
        assertEquals(503, l.admit("", S / 4), "a quarter second refills half a token");
        assertEquals(0, l.admit("", S / 2 + 1), "half a second refills one");
    }
}

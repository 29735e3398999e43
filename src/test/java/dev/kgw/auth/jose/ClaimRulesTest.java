package dev.kgw.auth.jose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {
    private static final long NOW = 1_800_000_000L;
    private final ClaimRules rules = new ClaimRules("https://issuer", List.of("a", "b"), 1);

    private static Map<String, Object> claims(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void everyConfiguredAudienceMustBePresent() {
        assertDoesNotThrow(() -> rules.check(claims("iss", "https://issuer", "aud", List.of("b", "a", "c")), NOW));
        assertThrows(InvalidTokenException.class, () -> rules.check(claims("iss", "https://issuer", "aud", "a"), NOW));
        assertThrows(InvalidTokenException.class, () -> rules.check(claims("iss", "https://issuer"), NOW));
        assertThrows(InvalidTokenException.class,
                () -> rules.check(claims("iss", "https://issuer", "aud", List.of("a", 7.0)), NOW));
    }

    @Test
    void issuerMatchesExactly() {
        assertThrows(InvalidTokenException.class, () -> rules.check(claims("iss", "https://issuer/", "aud",
                List.of("a", "b")), NOW));
        assertThrows(InvalidTokenException.class, () -> rules.check(claims("aud", List.of("a", "b")), NOW));
    }

    @Test
    void timesAreCheckedWithTheLeewayWhenPresent() {
        ClaimRules open = new ClaimRules("", List.of(), 0); // leeway rounds up to one second
        assertEquals(1, open.leewaySeconds());
        assertDoesNotThrow(() -> open.check(claims("exp", (double) (NOW - 1)), NOW));
        assertThrows(InvalidTokenException.class, () -> open.check(claims("exp", (double) (NOW - 2)), NOW));
        assertDoesNotThrow(() -> open.check(claims("nbf", (double) (NOW + 1)), NOW));
        assertThrows(InvalidTokenException.class, () -> open.check(claims("nbf", (double) (NOW + 2)), NOW));
        assertThrows(InvalidTokenException.class, () -> open.check(claims("iat", (double) (NOW + 2)), NOW));
        assertDoesNotThrow(() -> open.check(claims(), NOW), "exp is optional, as in KrakenD");
        assertThrows(InvalidTokenException.class, () -> open.check(claims("exp", "tomorrow"), NOW));
        assertEquals(NOW + 1, open.validUntil(claims("exp", (double) NOW)));
        assertEquals(Long.MAX_VALUE, open.validUntil(claims()));
    }
}

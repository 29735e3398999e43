package dev.kgw.auth.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CompactJwsTest {
    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAThreePartToken() throws Exception {
        CompactJws t = CompactJws.parse(b64("{\"alg\":\"HS256\",\"kid\":\"k\"}") + "." + b64("{\"a\":1}") + ".c2ln");
        assertEquals("HS256", t.alg());
        assertEquals("k", t.headerString("kid"));
    }

    @Test
    void refusesWhatIsNotACompactJws() {
        String h = b64("{\"alg\":\"HS256\"}");
        for (String bad : new String[]{"garbage", "a.b", h + ".e30", h + ".e30.c2ln.extra", h + ".e30.c2l*",
                b64("[1]") + ".e30.c2ln", b64("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}") + ".e30.c2ln",
                b64("{\"alg\":\"HS256\",\"b64\":false}") + ".e30.c2ln", ".e30.c2ln",
                h + "." + "A".repeat(CompactJws.MAX_LENGTH) + ".c2ln"}) {
            assertThrows(InvalidTokenException.class, () -> CompactJws.parse(bad), bad.length() > 80 ? "long" : bad);
        }
    }
}

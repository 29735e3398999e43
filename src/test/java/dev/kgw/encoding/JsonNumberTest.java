package dev.kgw.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonNumberTest {

    @Test
    void keepsSourceText() {
        JsonNumber n = new JsonNumber("1.50");
        assertEquals("1.50", n.toString());
        assertEquals(new BigDecimal("1.50"), n.toBigDecimal());
        assertEquals(1.5, n.doubleValue());
        // Text identity, not numeric identity: 1.50 and 1.5 render differently.
        assertNotEquals(new JsonNumber("1.5"), n);
        assertEquals(new JsonNumber("1.50"), n);
        assertThrows(NullPointerException.class, () -> new JsonNumber(null));
    }
}

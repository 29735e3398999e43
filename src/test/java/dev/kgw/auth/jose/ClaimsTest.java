package dev.kgw.auth.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim values as krakend-jose's {@code Claims.Get} and {@code Claims.List} write them into headers and URLs. */
class ClaimsTest {
    private final Map<String, Object> claims = Claims.goValues(JsonCodec.instance().decodeObject(("{\"s\":\"x\","
            + "\"i\":42,\"f\":1.5,\"a\":[\"r\",1,true],\"o\":{\"k\":{\"n\":\"deep\"},\"b\":2},\"z\":null}")
            .getBytes(StandardCharsets.UTF_8)));

    @Test
    void textOfEachKind() {
        assertEquals("x", Claims.text(claims, "s"));
        assertEquals("42", Claims.text(claims, "i"));
        assertEquals("1.500000", Claims.text(claims, "f"));
        assertEquals("r,1,true", Claims.text(claims, "a"));
        assertEquals("{\"b\":2,\"k\":{\"n\":\"deep\"}}", Claims.text(claims, "o"));
        assertEquals("null", Claims.text(claims, "z"));
        assertNull(Claims.text(claims, "missing"));
    }

    @Test
    void listKeepsArraysAndMissingIsOneEmptyValue() {
        assertEquals(List.of("r", "1", "true"), Claims.list(claims, "a"));
        assertEquals(List.of(""), Claims.list(claims, "missing"));
    }

    @Test
    void nestedLookupByDots() {
        var at = Claims.nested("o.k.n", claims);
        assertEquals("deep", Claims.text(at.getValue(), at.getKey()));
        var gone = Claims.nested("o.x.n", claims);
        assertNull(Claims.text(gone.getValue(), gone.getKey()));
    }
}

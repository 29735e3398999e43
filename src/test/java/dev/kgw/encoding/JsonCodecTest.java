package dev.kgw.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = JsonCodec.instance();

    private String enc(Object v) {
        return new String(codec.encode(v), UTF_8);
    }

    private Object dec(String s) {
        return codec.decode(s.getBytes(UTF_8));
    }

    private String decodeError(String s) {
        return assertThrows(DecodeException.class, () -> dec(s)).getMessage();
    }

    @Test
    void numbersRoundTripByteExact() {
        String in = "{\"a\":1.50,\"b\":12345678901234567890}";
        Object v = dec(in);
        assertEquals(new JsonNumber("1.50"), ((Map<?, ?>) v).get("a"));
        assertEquals(in, enc(v));
        assertEquals("[-0,1E+2,0.000001,1e-7]", enc(dec("[-0, 1E+2, 0.000001, 1e-7]")));
    }

    @Test
    void decodesAllValueKinds() {
        Object v = dec(" {\"s\":\"x\\u00e9\\n\",\"t\":true,\"f\":false,\"n\":null,\"l\":[1,{}],\"o\":{\"k\":[]}} ");
        Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, v);
        assertEquals("xé\n", m.get("s"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertNull(m.get("n"));
        assertEquals(List.of(new JsonNumber("1"), Map.of()), m.get("l"));
        assertInstanceOf(ArrayList.class, m.get("l"));
        assertEquals(List.of("s", "t", "f", "n", "l", "o"), new ArrayList<>(m.keySet()));
        assertEquals("str", dec("\"str\""));
        assertEquals(new JsonNumber("7"), dec("7"));
        assertNull(dec("null"));
    }

    @Test
    void duplicateKeysKeepLastValue() {
        assertEquals(Map.of("a", new JsonNumber("2")), dec("{\"a\":1,\"a\":2}"));
    }

    @Test
    void decodeFromStream() {
        Object v = codec.decode(new ByteArrayInputStream("[1]".getBytes(UTF_8)));
        assertEquals(List.of(new JsonNumber("1")), v);
    }

    @Test
    void emptyAndTruncatedInputUseGoMessage() {
        assertEquals("unexpected end of JSON input", decodeError(""));
        assertEquals("unexpected end of JSON input", decodeError("   \n"));
        assertEquals("unexpected end of JSON input", decodeError("{\"a\":"));
        assertEquals("unexpected end of JSON input", decodeError("[1,2"));
        assertEquals("unexpected end of JSON input", decodeError("\"abc"));
        assertThrows(DecodeException.class, () -> codec.decode((byte[]) null));
    }

    @Test
    void invalidJsonUsesGoStyleMessages() {
        assertEquals("invalid character 'x' looking for beginning of value", decodeError("x"));
        assertEquals("invalid character ']' looking for beginning of value", decodeError("[1,]"));
        assertEquals("invalid character '1' after object key", decodeError("{\"a\" 1}"));
        assertEquals("invalid character '}' after array element", decodeError("[1}"));
        assertEquals("invalid character 'x' looking for beginning of object key string", decodeError("{x:1}"));
        assertEquals("invalid character '\\n' in string literal", decodeError("\"a\nb\""));
        assertEquals("invalid character 'x' in literal true (expecting 'r')", decodeError("tx"));
        assertEquals("invalid character 'ï' looking for beginning of value", decodeError("\uFEFF{}"));
        assertEquals("invalid character '\\x01' looking for beginning of value", decodeError("[\u0001]"));
        assertEquals("invalid character 'x' in string escape code", decodeError("\"\\x\""));
    }

    @Test
    void trailingGarbageIsRejected() {
        assertEquals("invalid character 'x' after top-level value", decodeError("{\"a\":1} x"));
        assertEquals("invalid character '{' after top-level value", decodeError("{}{}"));
        assertEquals("invalid character 'a' after top-level value", decodeError("123abc"));
        assertEquals("invalid character '\"' after top-level value", decodeError("\"a\"\"b\""));
    }

    @Test
    void nestingLimitMatchesGo() {
        String ok = "[".repeat(10_000) + "]".repeat(10_000);
        Object v = dec(ok);
        assertInstanceOf(List.class, v);
        assertEquals(ok, enc(v));
        String tooDeep = "[".repeat(10_001) + "]".repeat(10_001);
        assertEquals("exceeded max depth", decodeError(tooDeep));
    }

    @Test
    void invalidUtf8IsReplacedLikeGo() {
        byte[] body = {'[', '"', 'a', (byte) 0xE9, 'b', '"', ']'};
        assertEquals(List.of("a\uFFFDb"), codec.decode(body));
    }

    @Test
    void keysAreSortedByBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", 2);
        m.put("B", 3);
        m.put("\uFFFD", 4);
        m.put("\uD83D\uDE00", 5);
        m.put("", 6);
        assertEquals("{\"\":6,\"B\":3,\"a\":2,\"b\":1,\"\uFFFD\":4,\"\uD83D\uDE00\":5}", enc(m));
    }

    @Test
    void structMapKeepsInsertionOrder() {
        StructMap s = new StructMap();
        s.put("title", "t");
        s.put("link", "l");
        assertEquals("{\"title\":\"t\",\"link\":\"l\"}", enc(s));
    }

    @Test
    void escapesLikeGo() {
        assertEquals("\"\\u003cb\\u003e \\u0026 \\\"q\\\" \\\\\"", enc("<b> & \"q\" \\"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\"", enc("\n\r\t\b\f\u0000\u001f\u007f"));
        assertEquals("\"\\u2028\\u2029\"", enc("\u2028\u2029"));
        assertEquals("\"héllo 😀\"", enc("héllo 😀"));
        assertEquals("\"\uFFFD\"", enc("\uD800"));
    }

    @Test
    void encodesScalarsLikeGo() {
        assertEquals("null", enc(null));
        assertEquals("{}", enc(new HashMap<>()));
        assertEquals("[]", enc(List.of()));
        assertEquals("[true,false]", enc(List.of(true, false)));
        assertEquals("[1,-2,3,12345678901234567890,1.50]",
                enc(Arrays.asList(1, -2L, (short) 3, new BigInteger("12345678901234567890"), new BigDecimal("1.50"))));
        assertEquals("[42,0.1,1e+21,1e-7,100000000000000000000,0.000001,-0,1.5]",
                enc(List.of(42.0, 0.1, 1e21, 1e-7, 1e20, 0.000001, -0.0, 1.5f)));
        assertEquals("[0,\"AQI=\"]", enc(Arrays.asList(new JsonNumber(""), new byte[] {1, 2})));
        assertEquals("{\"1\":\"x\"}", enc(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new JsonNumber("1.")));
    }

    @Test
    void streamingEncodeMatchesByteArray() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("big", "x".repeat(20_000));
        m.put("list", List.of("é".repeat(5000), 1, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(m, out);
        assertEquals(new String(codec.encode(m), UTF_8), out.toString(UTF_8));
    }
}

package dev.kgw.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlDecoderTest {

    private final XmlDecoder xml = new XmlDecoder();

    /** Decodes and shows the result as Go-style JSON, which is how clients would see it. */
    private String decode(String doc) {
        return new String(JsonCodec.instance().encode(xml.decode(doc.getBytes(UTF_8))), UTF_8);
    }

    @Test
    void decodesUserExample() {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user type=\"admin\">\n  <name>Elliot</name>\n"
                + "  <social>\n    <facebook>https://facebook.com</facebook>\n    <twitter>https://twitter.com</twitter>\n"
                + "    <youtube>https://youtube.com</youtube>\n  </social>\n</user>";
        assertEquals("{\"user\":{\"-type\":\"admin\",\"name\":\"Elliot\",\"social\":{\"facebook\":\"https://facebook.com\","
                + "\"twitter\":\"https://twitter.com\",\"youtube\":\"https://youtube.com\"}}}", decode(doc));
        Map<String, Object> m = xml.decode(doc.getBytes(UTF_8));
        Map<?, ?> user = (Map<?, ?>) m.get("user");
        assertEquals(List.of("-type", "name", "social"), List.copyOf(user.keySet()));
    }

    @Test
    void repeatedSiblingsBecomeAList() {
        Map<String, Object> m = xml.decode("<r><i>1</i><x/><i>2</i><i>3</i></r>".getBytes(UTF_8));
        Map<?, ?> r = (Map<?, ?>) m.get("r");
        assertEquals(List.of("1", "2", "3"), r.get("i"));
        assertEquals("", r.get("x"));
        assertEquals("{\"r\":{\"i\":[{\"-k\":\"v\"},\"b\"]}}", decode("<r><i k=\"v\"/><i>b</i></r>"));
    }

    @Test
    void attributesTextAndEmptyElements() {
        assertEquals("{\"a\":{\"#text\":\"t\",\"-x\":\"1\"}}", decode("<a x=\"1\"> t </a>"));
        assertEquals("{\"r\":{\"e\":\"\",\"f\":\"\",\"g\":\"\"}}", decode("<r><e/><f></f><g>  \n </g></r>"));
        assertEquals("{\"a\":{\"-x\":\"1\"}}", decode("<a x='1'/>"));
    }

    @Test
    void valuesAreNotCast() {
        Map<?, ?> a = (Map<?, ?>) xml.decode("<a><n>42</n><b>true</b></a>".getBytes(UTF_8)).get("a");
        assertEquals("42", a.get("n"));
        assertEquals("true", a.get("b"));
    }

    @Test
    void namespacesKeepLocalNames() {
        assertEquals("{\"Envelope\":{\"-s\":\"urn:x\",\"Body\":{\"-lang\":\"en\",\"v\":\"b\"}}}",
                decode("<s:Envelope xmlns:s=\"urn:x\"><s:Body xml:lang=\"en\"><u:v>b</u:v></s:Body></s:Envelope>"));
    }

    @Test
    void mixedContentFollowsMxj() {
        // mxj v1.8.4: text seen before any child wins and the children are dropped.
        assertEquals("{\"a\":\"t\"}", decode("<a>t<b>x</b></a>"));
        assertEquals("{\"a\":{\"#text\":\"t\",\"b\":\"x\"}}", decode("<a><b>x</b>t</a>"));
        assertEquals("{\"a\":\"y\"}", decode("<a>x<!-- c -->y</a>"));
    }

    @Test
    void entitiesAndCdata() {
        assertEquals("{\"a\":\"\\u003cp\\u003e \\u0026 é\"}", decode("<a><![CDATA[<p>]]> &amp; &#233;</a>"));
        assertEquals("{\"a\":\"\\u003cp\\u003e\"}", decode("<a>\n  <![CDATA[<p>]]>\n</a>"));
    }

    @Test
    void contentAfterTheRootIsIgnored() {
        assertEquals("{\"a\":\"1\"}", decode("<!-- x --><a>1</a><b>"));
        assertEquals("{\"a\":\"1\"}", decode("  \n<?xml version=\"1.0\"?><a>1</a>"));
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>";
        DecodeException e = assertThrows(DecodeException.class, () -> xml.decode(doc.getBytes(UTF_8)));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void malformedAndEmptyInputFail() {
        assertThrows(DecodeException.class, () -> xml.decode("<a><b></a>".getBytes(UTF_8)));
        assertThrows(DecodeException.class, () -> xml.decode("not xml".getBytes(UTF_8)));
        DecodeException empty = assertThrows(DecodeException.class, () -> xml.decode(new byte[0]));
        assertInstanceOf(String.class, empty.getMessage());
    }
}

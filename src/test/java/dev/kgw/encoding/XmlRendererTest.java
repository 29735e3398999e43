package dev.kgw.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static dev.kgw.encoding.TestMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRendererTest {

    private final XmlRenderer xml = new XmlRenderer();

    private String render(Map<String, Object> m) {
        return new String(xml.render(m), UTF_8);
    }

    @Test
    void rendersUserExample() {
        Map<String, Object> social = map("youtube", "https://youtube.com", "twitter", "https://twitter.com",
                "facebook", "https://facebook.com");
        Map<String, Object> user = map("social", social, "name", "Elliot", "-type", "admin");
        assertEquals("<user type=\"admin\"><name>Elliot</name><social><facebook>https://facebook.com</facebook>"
                + "<twitter>https://twitter.com</twitter><youtube>https://youtube.com</youtube></social></user>",
                render(map("user", user)));
    }

    @Test
    void rendersParamForwardingExample() {
        Map<String, Object> headers = map(
                "X-Forwarded-Host", List.of("localhost:8080"),
                "User-Agent", List.of("KrakenD Version 2.13.8"),
                "Referer", List.of("http://127.0.0.1:8081/param_forwarding"),
                "Accept-Encoding", List.of("gzip"));
        Map<String, Object> data = map("query", Map.of(), "path", "/param_forwarding/", "headers", headers,
                "foo", new JsonNumber("42"));
        assertEquals("<doc><foo>42</foo><headers><Accept-Encoding>gzip</Accept-Encoding>"
                + "<Referer>http://127.0.0.1:8081/param_forwarding</Referer><User-Agent>KrakenD Version 2.13.8</User-Agent>"
                + "<X-Forwarded-Host>localhost:8080</X-Forwarded-Host></headers><path>/param_forwarding/</path><query/></doc>",
                render(data));
    }

    @Test
    void emptyDataRendersDoc() {
        assertEquals("<doc/>", render(null));
        assertEquals("<doc/>", render(Map.of()));
    }

    @Test
    void escapesTextAndAttributes() {
        assertEquals("<a q=\"&quot;&amp;&apos;\">&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos;</a>",
                render(map("a", map("#text", "<b> & \"x\" 'y'", "-q", "\"&'"))));
    }

    @Test
    void attributesAndChildrenAreSorted() {
        assertEquals("<r a=\"1\" b=\"true\"><x>1</x><y>2.5</y><z>1e+06</z></r>",
                render(map("r", map("z", 1e6, "-b", true, "y", 2.5, "x", 1L, "-a", new JsonNumber("1")))));
    }

    @Test
    void listsRepeatTheElement() {
        assertEquals("<r><e/><i>1</i><i>2</i></r>", render(map("r", map("i", List.of("1", "2"), "e", List.of()))));
        // A single key holding scalars would have no root, so mxj wraps it in <doc>.
        assertEquals("<doc><i>a</i><i>b</i></doc>", render(map("i", List.of("a", "b"))));
        // ...but a list of maps becomes repeated root elements.
        assertEquals("<i><n>1</n></i><i><n>2</n></i>", render(map("i", List.of(map("n", 1), map("n", 2)))));
    }

    @Test
    void emptyValuesSelfClose() {
        assertEquals("<doc><a/><b/><c/><d/></doc>",
                render(map("a", "", "b", null, "c", Map.of(), "d", Arrays.asList())));
        assertEquals("<a x=\"1\"/>", render(map("a", map("-x", "1"))));
        assertEquals("<a x=\"1\"></a>", render(map("a", map("-x", "1", "#text", ""))));
    }

    @Test
    void unencodableDataGivesEmptyBodyLikeKrakend() {
        assertEquals("", render(map("a", map("-x", List.of("1")))));
        assertEquals("", render(map("a", map("#text", "t", "child", "c"))));
    }
}

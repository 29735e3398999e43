package dev.kgw.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static dev.kgw.encoding.TestMaps.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlRendererTest {

    private final YamlRenderer yaml = new YamlRenderer();

    private String render(Map<String, Object> m) {
        return new String(yaml.render(m), UTF_8);
    }

    @Test
    void rendersUserExample() {
        Map<String, Object> social = map("youtube", "https://youtube.com", "facebook", "https://facebook.com",
                "twitter", "https://twitter.com");
        Map<String, Object> user = map("social", social, "name", "Elliot", "-type", "admin");
        assertEquals("user:\n  -type: admin\n  name: Elliot\n  social:\n    facebook: https://facebook.com\n"
                + "    twitter: https://twitter.com\n    youtube: https://youtube.com\n", render(map("user", user)));
    }

    @Test
    void quotesStringsThatWouldReadBackAsOtherTypes() {
        assertEquals("a: \"true\"\nb: \"42\"\nc: \"\"\nd: x\ne: \"yes\"\nf: \"null\"\ng: \"~\"\nh: \"1.5\"\n",
                render(map("a", "true", "b", "42", "c", "", "d", "x", "e", "yes", "f", "null", "g", "~", "h", "1.5")));
    }

    @Test
    void quotesIndicatorsAndTimestamps() {
        assertEquals("a: \"a: b\"\nb: \"#x\"\nc: \"x #y\"\nd: \"12:30\"\ne: \"2024-01-02\"\nf: \"-\"\ng: -x\n"
                + "h: \"[a\"\ni: \" lead\"\nj: \"tail:\"\nk: 1e5\nl: a\\b\n".replace("a\\b\n", "\"a\\\\b\"\n"),
                render(map("a", "a: b", "b", "#x", "c", "x #y", "d", "12:30", "e", "2024-01-02", "f", "-",
                        "g", "-x", "h", "[a", "i", " lead", "j", "tail:", "k", "1e5", "l", "a\\b")));
        assertEquals("t: \"2024-01-02T10:00:00Z\"\nu: https://x.io/a?b=c\n",
                render(map("t", "2024-01-02T10:00:00Z", "u", "https://x.io/a?b=c")));
    }

    @Test
    void backendNumbersAreQuotedLikeGoJsonNumber() {
        assertEquals("b: true\nfoo: \"42\"\nnum: 42\nx: 42.0\nz: null\n",
                render(map("foo", new JsonNumber("42"), "num", 42, "x", 42.0, "z", null, "b", true)));
        // "n" and "y" are YAML 1.1 booleans, so goccy quotes them even as keys.
        assertEquals("\"n\": 1e+06\n\"y\": 0.5\n", render(map("y", 0.5, "n", 1e6)));
    }

    @Test
    void collections() {
        assertEquals("e: []\nl:\n- a\n- b\nm: {}\n", render(map("l", List.of("a", "b"), "e", List.of(), "m", Map.of())));
        assertEquals("{}\n", render(Map.of()));
        assertEquals("{}\n", render(null));
        assertEquals("items:\n- id: 1\n  name: x\n- {}\n", render(map("items", List.of(map("id", 1, "name", "x"), Map.of()))));
        assertEquals("x:\n  a:\n  - b: 1\n    c: 2\n  - - 1\n    - 2\n",
                render(map("x", map("a", List.of(map("b", 1, "c", 2), List.of(1, 2))))));
        assertEquals("l:\n- null\n- \"\"\n", render(map("l", Arrays.asList(null, ""))));
    }

    @Test
    void multiLineStringsBecomeLiteralBlocks() {
        assertEquals("t: |-\n  a\n  b\n", render(map("t", "a\nb")));
        assertEquals("t: |\n  a\n", render(map("t", "a\n")));
        assertEquals("x:\n  t: |-\n    a\n    b\n", render(map("x", map("t", "a\nb"))));
        assertEquals("l:\n- |-\n  a\n  b\n", render(map("l", List.of("a\nb"))));
    }

    @Test
    void escapesWithGoQuoting() {
        assertEquals("a: \"x\\ty: \\\"q\\\"\"\nb: héllo\n", render(map("a", "x\ty: \"q\"", "b", "héllo")));
    }

    @Test
    void keysSortByBytesAndStructMapKeepsOrder() {
        assertEquals("B: 1\n_: 2\na: 3\n", render(map("a", 3, "_", 2, "B", 1)));
        StructMap s = new StructMap();
        s.put("title", "t");
        s.put("link", "l");
        assertEquals("title: t\nlink: l\n", render(s));
    }

    @Test
    void quotingRules() {
        assertTrue(YamlQuoting.needsQuotes("0x1F"));
        assertTrue(YamlQuoting.needsQuotes("-12"));
        assertTrue(YamlQuoting.needsQuotes("1_000"));
        assertTrue(YamlQuoting.needsQuotes("99999999999999999999999"));
        assertTrue(YamlQuoting.needsQuotes("Off"));
        assertFalse(YamlQuoting.needsQuotes("089"));
        assertFalse(YamlQuoting.needsQuotes("1.2.3"));
        assertFalse(YamlQuoting.needsQuotes("hello world"));
        assertFalse(YamlQuoting.needsQuotes("12:30:00"));
        assertFalse(YamlQuoting.needsQuotes("2024-02-30"));
    }
}

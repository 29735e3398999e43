package dev.kgw.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RssDecoderTest {

    private final RssDecoder rss = new RssDecoder();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
              <title>Example &amp; Co</title>
              <link>https://example.com/</link>
              <description><![CDATA[The <b>best</b> feed]]></description>
              <language>en-us</language>
              <copyright>2024 Example</copyright>
              <managingEditor>editor@example.com (Jane Doe)</managingEditor>
              <pubDate>Tue, 02 Jan 2024 15:04:05 +0200</pubDate>
              <lastBuildDate>Tue, 02 Jan 2024 16:00:00 GMT</lastBuildDate>
              <category>News</category>
              <image><url>https://example.com/logo.png</url><title>Logo</title><link>https://example.com/</link></image>
              <item>
                <title>First post</title>
                <link>https://example.com/1</link>
                <description>Hello &lt;i&gt;world&lt;/i&gt;</description>
                <content:encoded><![CDATA[<p>Full</p>]]></content:encoded>
                <author>john@example.com (John)</author>
                <category>Go</category>
                <category>Java</category>
                <guid isPermaLink="false">id-1</guid>
                <pubDate>Tue, 02 Jan 2024 15:04:05 +0200</pubDate>
                <enclosure url="https://example.com/a.mp3" length="123" type="audio/mpeg"/>
                <dc:creator>John</dc:creator>
                <comments>https://example.com/1#c</comments>
                <foo>bar</foo>
              </item>
              <item>
                <title>Second</title>
                <dc:date>2024-01-03T10:00:00+01:00</dc:date>
              </item>
            </channel>
            </rss>
            """;

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title type="text">Atom Example</title>
              <subtitle type="html">A &lt;em&gt;lovely&lt;/em&gt; feed</subtitle>
              <link href="http://example.org/"/>
              <link rel="self" href="http://example.org/feed.atom"/>
              <updated>2003-12-13T18:30:02Z</updated>
              <author><name>John Doe</name><email>john@example.org</email></author>
              <id>urn:uuid:60a76c80</id>
              <logo>http://example.org/logo.png</logo>
              <rights>© 2003</rights>
              <category term="tech"/>
              <entry>
                <title>Atom-Powered Robots Run Amok</title>
                <link href="http://example.org/2003/12/13/atom03"/>
                <link rel="enclosure" type="audio/mpeg" length="1337" href="http://example.org/audio.mp3"/>
                <id>urn:uuid:1225c695</id>
                <updated>2003-12-13T18:30:02+01:00</updated>
                <summary>Some text.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi &amp; bye</p></div></content>
                <author><name>Jane</name></author>
                <category term="robots"/>
              </entry>
            </feed>
            """;

    private static String json(Object v) {
        return new String(JsonCodec.instance().encode(v), UTF_8);
    }

    @Test
    void decodesRss2LikeKrakendRss() {
        Map<String, Object> m = rss.decode(RSS.getBytes(UTF_8));
        String item1 = "{\"title\":\"First post\",\"description\":\"Hello \\u003ci\\u003eworld\\u003c/i\\u003e\","
                + "\"content\":\"\\u003cp\\u003eFull\\u003c/p\\u003e\",\"link\":\"https://example.com/1\","
                + "\"links\":[\"https://example.com/1\"],\"published\":\"Tue, 02 Jan 2024 15:04:05 +0200\","
                + "\"publishedParsed\":\"2024-01-02T13:04:05Z\",\"author\":{\"name\":\"John\",\"email\":\"john@example.com\"},"
                + "\"authors\":[{\"name\":\"John\",\"email\":\"john@example.com\"}],\"guid\":\"id-1\","
                + "\"categories\":[\"Go\",\"Java\"],"
                + "\"enclosures\":[{\"url\":\"https://example.com/a.mp3\",\"length\":\"123\",\"type\":\"audio/mpeg\"}],"
                + "\"dcExt\":{\"creator\":[\"John\"]},"
                + "\"extensions\":{\"dc\":{\"creator\":[{\"name\":\"creator\",\"value\":\"John\",\"attrs\":{},\"children\":{}}]}},"
                + "\"custom\":{\"foo\":\"bar\"}}";
        String item2 = "{\"title\":\"Second\",\"published\":\"2024-01-03T10:00:00+01:00\","
                + "\"publishedParsed\":\"2024-01-03T10:00:00+01:00\",\"dcExt\":{\"date\":[\"2024-01-03T10:00:00+01:00\"]},"
                + "\"extensions\":{\"dc\":{\"date\":[{\"name\":\"date\",\"value\":\"2024-01-03T10:00:00+01:00\","
                + "\"attrs\":{},\"children\":{}}]}}}";
        assertEquals("{\"author\":{\"name\":\"Jane Doe\",\"email\":\"editor@example.com\"},\"categories\":[\"News\"],"
                + "\"copyright\":\"2024 Example\",\"custom\":null,\"description\":\"The \\u003cb\\u003ebest\\u003c/b\\u003e feed\","
                + "\"img_url\":\"https://example.com/logo.png\",\"items\":[" + item1 + "," + item2 + "],"
                + "\"language\":\"en-us\",\"published\":\"Tue, 02 Jan 2024 15:04:05 +0200\",\"title\":\"Example \\u0026 Co\","
                + "\"type\":\"rss\",\"updated\":\"Tue, 02 Jan 2024 16:00:00 GMT\"}", json(m));
    }

    @Test
    void decodesAtom() {
        Map<String, Object> m = rss.decode(ATOM.getBytes(UTF_8));
        assertEquals("atom", m.get("type"));
        assertEquals("Atom Example", m.get("title"));
        assertEquals("A <em>lovely</em> feed", m.get("description"));
        assertEquals("", m.get("published"));
        assertEquals("http://example.org/logo.png", m.get("img_url"));
        String item = "{\"title\":\"Atom-Powered Robots Run Amok\",\"description\":\"Some text.\","
                + "\"content\":\"\\u003cp\\u003eHi \\u0026amp; bye\\u003c/p\\u003e\","
                + "\"link\":\"http://example.org/2003/12/13/atom03\",\"links\":[\"http://example.org/2003/12/13/atom03\"],"
                + "\"updated\":\"2003-12-13T18:30:02+01:00\",\"updatedParsed\":\"2003-12-13T17:30:02Z\","
                + "\"published\":\"2003-12-13T18:30:02+01:00\",\"publishedParsed\":\"2003-12-13T17:30:02Z\","
                + "\"author\":{\"name\":\"Jane\"},\"authors\":[{\"name\":\"Jane\"}],\"guid\":\"urn:uuid:1225c695\","
                + "\"categories\":[\"robots\"],"
                + "\"enclosures\":[{\"url\":\"http://example.org/audio.mp3\",\"length\":\"1337\",\"type\":\"audio/mpeg\"}]}";
        assertEquals("{\"author\":{\"name\":\"John Doe\",\"email\":\"john@example.org\"},\"categories\":[\"tech\"],"
                + "\"copyright\":\"© 2003\",\"custom\":null,\"description\":\"A \\u003cem\\u003elovely\\u003c/em\\u003e feed\","
                + "\"img_url\":\"http://example.org/logo.png\",\"items\":[" + item + "],\"language\":\"en\","
                + "\"published\":\"\",\"title\":\"Atom Example\",\"type\":\"atom\",\"updated\":\"2003-12-13T18:30:02Z\"}",
                json(m));
    }

    @Test
    void emptyFeedKeepsKrakendKeys() {
        Map<String, Object> m = rss.decode("<rss version=\"2.0\"><channel></channel></rss>".getBytes(UTF_8));
        assertEquals("{\"author\":null,\"categories\":null,\"copyright\":\"\",\"custom\":null,\"description\":\"\","
                + "\"items\":[],\"language\":\"\",\"published\":\"\",\"title\":\"\",\"type\":\"rss\",\"updated\":\"\"}", json(m));
        assertInstanceOf(List.class, m.get("items"));
    }

    @Test
    void rejectsNonFeeds() {
        assertThrows(DecodeException.class, () -> rss.decode("<html><body/></html>".getBytes(UTF_8)));
        assertThrows(DecodeException.class, () -> rss.decode("hello".getBytes(UTF_8)));
        assertThrows(DecodeException.class, () -> rss.decode(new byte[0]));
        assertThrows(DecodeException.class, () -> rss.decode("{\"version\":\"x\"}".getBytes(UTF_8)));
        assertThrows(DecodeException.class, () -> rss.decode("<rss><channel></rss>".getBytes(UTF_8)));
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<rss><channel><title>&x;</title></channel></rss>";
        assertThrows(DecodeException.class, () -> rss.decode(doc.getBytes(UTF_8)));
    }

    @Test
    void parsesGoFeedDateLayouts() {
        assertEquals("2024-01-02T13:04:05Z", FeedDates.parse("Tue, 02 Jan 2024 15:04:05 +0200").utc().rfc3339Nano());
        assertEquals("2006-01-02T15:04:05Z", FeedDates.parse(" Mon, 02 Jan 2006 15:04:05 EST ").rfc3339Nano());
        assertEquals("2024-03-05T00:00:00Z", FeedDates.parse("2024-03-05").rfc3339Nano());
        assertEquals("2024-03-05T10:11:12.5+05:30", FeedDates.parse("2024-03-05T10:11:12.500+05:30").rfc3339Nano());
        assertEquals(null, FeedDates.parse("not a date"));
    }
}

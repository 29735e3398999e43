package dev.kgw.encoding;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code rss} backend encoding: RSS and Atom feeds into the map krakend-rss builds from
 * gofeed v1.2.1. Top-level keys are krakend-rss's ({@code title}, {@code description},
 * {@code type}, {@code items}, {@code author}, {@code categories}, {@code custom},
 * {@code copyright}, {@code language}, {@code published}, {@code updated} and, when the feed has
 * an image, {@code img_url}); each item is a gofeed Item with its JSON names and omitempty rules.
 *
 * <p>Differences from gofeed: XML must be well-formed (gofeed's parser is lenient and knows HTML
 * entities), JSON Feed is not supported, and HTML in Atom content is not rewritten for xml:base.
 */
public final class RssDecoder {

    /**
     * @throws DecodeException when the body is neither an RSS nor an Atom feed, or not well-formed
     */
    public Map<String, Object> decode(byte[] body) {
        if (body == null) {
            body = new byte[0];
        }
        int first = firstSignificant(body);
        if (first < 0) {
            throw new DecodeException("Failed to detect feed type");
        }
        if (body[first] == '{') {
            throw new DecodeException("JSON feeds are not supported by the rss encoding");
        }
        if (body[first] != '<') {
            throw new DecodeException("Failed to detect feed type");
        }
        FeedXml.Document doc = FeedXml.parse(body);
        String root = doc.root().local.toLowerCase(Locale.ROOT);
        FeedOutput.Feed feed = switch (root) {
            case "rss", "rdf" -> RssFeedParser.parse(doc);
            case "feed" -> AtomFeedParser.parse(doc);
            default -> throw new DecodeException("Failed to detect feed type");
        };
        return feed.toMap();
    }

    /** gofeed's detector skips whitespace and byte order mark bytes before looking. */
    private static int firstSignificant(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            switch (c) {
                case ' ', '\r', '\n', '\t', 0xFE, 0xFF, 0x00, 0xEF, 0xBB, 0xBF -> {
                    // skip
                }
                default -> {
                    return i;
                }
            }
        }
        return -1;
    }
}

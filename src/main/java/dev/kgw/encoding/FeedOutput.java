package dev.kgw.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles what krakend-rss hands to KrakenD: a map with a fixed set of feed fields, whose
 * {@code items} are gofeed Item structs. Items are {@link StructMap}s so they render in Go's
 * struct field order with gofeed's omitempty rules; the top level is a real map (sorted keys,
 * empty values kept, absent author/categories/custom as null).
 */
final class FeedOutput {

    private FeedOutput() {
    }

    /** The feed-level values krakend-rss copies out of gofeed's Feed. */
    static final class Feed {
        String title = "";
        String description = "";
        String language = "";
        String copyright = "";
        String published = "";
        String updated = "";
        String type = "";
        StructMap author;
        List<String> categories;
        String imageUrl; // null when the feed has no image at all
        final List<Object> items = new ArrayList<>();

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", items);
            m.put("author", author);
            m.put("categories", categories);
            m.put("custom", null);
            m.put("copyright", copyright);
            m.put("description", description);
            m.put("type", type);
            m.put("language", language);
            m.put("title", title);
            m.put("published", published);
            m.put("updated", updated);
            if (imageUrl != null) {
                m.put("img_url", imageUrl);
            }
            return m;
        }
    }

    /** gofeed's Item; field order and omitempty as in its struct tags. */
    static final class Item {
        String title = "";
        String description = "";
        String content = "";
        String link = "";
        List<String> links;
        String updated = "";
        GoTime.Parsed updatedParsed;
        String published = "";
        GoTime.Parsed publishedParsed;
        StructMap author;
        List<Object> authors;
        String guid = "";
        StructMap image;
        List<String> categories;
        List<Object> enclosures;
        StructMap dcExt;
        StructMap itunesExt;
        Map<String, Object> extensions;
        Map<String, Object> custom;

        StructMap toJson() {
            StructMap m = new StructMap();
            FeedExtensions.putText(m, "title", title);
            FeedExtensions.putText(m, "description", description);
            FeedExtensions.putText(m, "content", content);
            FeedExtensions.putText(m, "link", link);
            putList(m, "links", links);
            FeedExtensions.putText(m, "updated", updated);
            if (updatedParsed != null) {
                m.put("updatedParsed", updatedParsed.rfc3339Nano());
            }
            FeedExtensions.putText(m, "published", published);
            if (publishedParsed != null) {
                m.put("publishedParsed", publishedParsed.rfc3339Nano());
            }
            if (author != null) {
                m.put("author", author);
            }
            putList(m, "authors", authors);
            FeedExtensions.putText(m, "guid", guid);
            if (image != null) {
                m.put("image", image);
            }
            putList(m, "categories", categories);
            putList(m, "enclosures", enclosures);
            if (dcExt != null) {
                m.put("dcExt", dcExt);
            }
            if (itunesExt != null) {
                m.put("itunesExt", itunesExt);
            }
            if (extensions != null && !extensions.isEmpty()) {
                m.put("extensions", extensions);
            }
            if (custom != null && !custom.isEmpty()) {
                m.put("custom", custom);
            }
            return m;
        }
    }

    private static void putList(Map<String, Object> m, String key, List<?> v) {
        if (v != null && !v.isEmpty()) {
            m.put(key, v);
        }
    }

    /** gofeed's Person {name, email}, both omitempty. */
    static StructMap person(String name, String email) {
        StructMap p = new StructMap();
        FeedExtensions.putText(p, "name", name);
        FeedExtensions.putText(p, "email", email);
        return p;
    }

    static StructMap personFromText(String text) {
        String[] na = FeedText.parseNameAddress(text);
        return person(na[0], na[1]);
    }

    static StructMap image(String url, String title) {
        StructMap i = new StructMap();
        FeedExtensions.putText(i, "url", url);
        FeedExtensions.putText(i, "title", title);
        return i;
    }

    static StructMap enclosure(String url, String length, String type) {
        StructMap e = new StructMap();
        FeedExtensions.putText(e, "url", url);
        FeedExtensions.putText(e, "length", length);
        FeedExtensions.putText(e, "type", type);
        return e;
    }
}

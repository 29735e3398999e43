package dev.kgw.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rss} backend encoding: RSS 2.0 or Atom into the shape of Go's gofeed {@code Feed} (lower-case keys,
 * empty fields left out), as KrakenD's krakend-rss produces. Parsing goes through {@link XmlDecoder}, so it is
 * XXE-safe the same way.
 */
public final class RssDecoder {
    private final XmlDecoder xml = new XmlDecoder();

    public Map<String, Object> decode(byte[] body) {
        Map<String, Object> doc = xml.decode(body);
        if (doc.get("rss") instanceof Map<?, ?> rss && rss.get("channel") instanceof Map<?, ?> ch) {
            return rss(ch, String.valueOf(rss.get("-version")));
        }
        if (doc.get("feed") instanceof Map<?, ?> feed) return atom(feed);
        throw new DecodeException("Failed to detect feed type");
    }

    private static Map<String, Object> rss(Map<?, ?> ch, String version) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "title", text(ch.get("title")));
        put(out, "description", text(ch.get("description")));
        put(out, "link", text(ch.get("link")));
        put(out, "links", links(ch.get("link")));
        put(out, "updated", text(ch.get("lastBuildDate")));
        put(out, "published", text(ch.get("pubDate")));
        put(out, "language", text(ch.get("language")));
        put(out, "copyright", text(ch.get("copyright")));
        put(out, "generator", text(ch.get("generator")));
        List<Object> items = new ArrayList<>();
        for (Object it : asList(ch.get("item"))) {
            if (!(it instanceof Map<?, ?> m)) continue;
            Map<String, Object> item = new LinkedHashMap<>();
            put(item, "title", text(m.get("title")));
            put(item, "description", text(m.get("description")));
            put(item, "content", text(m.get("encoded")));
            put(item, "link", text(m.get("link")));
            put(item, "links", links(m.get("link")));
            put(item, "published", text(m.get("pubDate")));
            put(item, "guid", text(m.get("guid")));
            List<Object> cats = new ArrayList<>();
            for (Object c : asList(m.get("category"))) cats.add(text(c));
            put(item, "categories", cats);
            String author = text(m.get("author"));
            if (!author.isEmpty()) put(item, "author", Map.of("name", author));
            items.add(item);
        }
        put(out, "items", items);
        out.put("feedType", "rss");
        out.put("feedVersion", version == null || version.equals("null") ? "2.0" : version);
        return out;
    }

    private static Map<String, Object> atom(Map<?, ?> feed) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "title", text(feed.get("title")));
        put(out, "description", text(feed.get("subtitle")));
        List<Object> links = atomLinks(feed.get("link"));
        if (!links.isEmpty()) put(out, "link", links.get(0));
        put(out, "links", links);
        put(out, "updated", text(feed.get("updated")));
        put(out, "copyright", text(feed.get("rights")));
        put(out, "generator", text(feed.get("generator")));
        List<Object> items = new ArrayList<>();
        for (Object e : asList(feed.get("entry"))) {
            if (!(e instanceof Map<?, ?> m)) continue;
            Map<String, Object> item = new LinkedHashMap<>();
            put(item, "title", text(m.get("title")));
            put(item, "description", text(m.get("summary")));
            put(item, "content", text(m.get("content")));
            List<Object> l = atomLinks(m.get("link"));
            if (!l.isEmpty()) put(item, "link", l.get(0));
            put(item, "links", l);
            put(item, "updated", text(m.get("updated")));
            put(item, "published", text(m.get("published")));
            put(item, "guid", text(m.get("id")));
            if (m.get("author") instanceof Map<?, ?> a) {
                Map<String, Object> author = new LinkedHashMap<>();
                put(author, "name", text(a.get("name")));
                put(author, "email", text(a.get("email")));
                put(item, "author", author);
            }
            items.add(item);
        }
        put(out, "items", items);
        out.put("feedType", "atom");
        out.put("feedVersion", "1.0");
        return out;
    }

    private static List<Object> links(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object o : asList(v)) {
            String t = text(o);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static List<Object> atomLinks(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object o : asList(v)) {
            if (o instanceof Map<?, ?> m && m.get("-href") != null) out.add(String.valueOf(m.get("-href")));
            else if (!text(o).isEmpty()) out.add(text(o));
        }
        return out;
    }

    private static List<?> asList(Object v) {
        if (v == null) return List.of();
        return v instanceof List<?> l ? l : List.of(v);
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Map<?, ?> m) return m.get("#text") == null ? "" : String.valueOf(m.get("#text"));
        if (v instanceof List<?> l) return l.isEmpty() ? "" : text(l.get(0));
        return String.valueOf(v);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v == null) return;
        if (v instanceof String s && s.isEmpty()) return;
        if (v instanceof List<?> l && l.isEmpty()) return;
        if (v instanceof Map<?, ?> mm && mm.isEmpty()) return;
        m.put(k, v);
    }
}

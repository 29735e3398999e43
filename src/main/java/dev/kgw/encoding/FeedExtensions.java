package dev.kgw.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gofeed's handling of namespaced feed elements (Dublin Core, iTunes, media, ...): they are
 * collected generically by namespace prefix and some are lifted into typed views. KrakenD
 * returns these structures as-is, so their JSON shape has to match gofeed's structs.
 */
final class FeedExtensions {

    /** gofeed's canonical prefixes; they override whatever prefix a feed declared. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("http://webns.net/mvcb/", "admin"),
            Map.entry("http://purl.org/rss/1.0/modules/aggregation/", "ag"),
            Map.entry("http://purl.org/rss/1.0/modules/annotate/", "annotate"),
            Map.entry("http://media.tangent.org/rss/1.0/", "audio"),
            Map.entry("http://backend.userland.com/blogChannelModule", "blogChannel"),
            Map.entry("http://creativecommons.org/ns#license", "cc"),
            Map.entry("http://web.resource.org/cc/", "cc"),
            Map.entry("http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html", "creativeCommons"),
            Map.entry("http://backend.userland.com/creativeCommonsRssModule", "creativeCommons"),
            Map.entry("http://purl.org/rss/1.0/modules/company", "co"),
            Map.entry("http://purl.org/rss/1.0/modules/content/", "content"),
            Map.entry("http://my.theinfo.org/changed/1.0/rss/", "cp"),
            Map.entry("http://purl.org/dc/elements/1.1/", "dc"),
            Map.entry("http://purl.org/dc/terms/", "dcterms"),
            Map.entry("http://purl.org/rss/1.0/modules/email/", "email"),
            Map.entry("http://purl.org/rss/1.0/modules/event/", "ev"),
            Map.entry("http://rssnamespace.org/feedburner/ext/1.0", "feedburner"),
            Map.entry("http://freshmeat.net/rss/fm/", "fm"),
            Map.entry("http://xmlns.com/foaf/0.1/", "foaf"),
            Map.entry("http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"),
            Map.entry("http://www.georss.org/georss", "georss"),
            Map.entry("http://www.opengis.net/gml", "gml"),
            Map.entry("http://postneo.com/icbm/", "icbm"),
            Map.entry("http://purl.org/rss/1.0/modules/image/", "image"),
            Map.entry("http://www.itunes.com/DTDs/PodCast-1.0.dtd", "itunes"),
            Map.entry("http://example.com/DTDs/PodCast-1.0.dtd", "itunes"),
            Map.entry("http://purl.org/rss/1.0/modules/link/", "l"),
            Map.entry("http://search.yahoo.com/mrss", "media"),
            Map.entry("http://search.yahoo.com/mrss/", "media"),
            Map.entry("http://madskills.com/public/xml/rss/module/pingback/", "pingback"),
            Map.entry("http://prismstandard.org/namespaces/1.2/basic/", "prism"),
            Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
            Map.entry("http://www.w3.org/2000/01/rdf-schema#", "rdfs"),
            Map.entry("http://purl.org/rss/1.0/modules/reference/", "ref"),
            Map.entry("http://purl.org/rss/1.0/modules/richequiv/", "reqv"),
            Map.entry("http://purl.org/rss/1.0/modules/search/", "search"),
            Map.entry("http://purl.org/rss/1.0/modules/slash/", "slash"),
            Map.entry("http://schemas.xmlsoap.org/soap/envelope/", "soap"),
            Map.entry("http://purl.org/rss/1.0/modules/servicestatus/", "ss"),
            Map.entry("http://hacks.benhammersley.com/rss/streaming/", "str"),
            Map.entry("http://purl.org/rss/1.0/modules/subscription/", "sub"),
            Map.entry("http://purl.org/rss/1.0/modules/syndication/", "sy"),
            Map.entry("http://schemas.pocketsoap.com/rss/myDescModule/", "szf"),
            Map.entry("http://purl.org/rss/1.0/modules/taxonomy/", "taxo"),
            Map.entry("http://purl.org/rss/1.0/modules/threading/", "thr"),
            Map.entry("http://purl.org/rss/1.0/modules/textinput/", "ti"),
            Map.entry("http://madskills.com/public/xml/rss/module/trackback/", "trackback"),
            Map.entry("http://wellformedweb.org/commentAPI/", "wfw"),
            Map.entry("http://purl.org/rss/1.0/modules/wiki/", "wiki"),
            Map.entry("http://www.w3.org/1999/xhtml", "xhtml"),
            Map.entry("http://www.w3.org/1999/xlink", "xlink"),
            Map.entry("http://www.w3.org/XML/1998/namespace", "xml"),
            Map.entry("http://podlove.org/simple-chapters", "psc"));

    private static final String[] DC_FIELDS = {"title", "creator", "author", "subject", "description", "publisher",
        "contributor", "date", "type", "format", "identifier", "source", "language", "relation", "coverage", "rights"};

    /** gofeed's ext.Extension. */
    record Ext(String name, String value, Map<String, String> attrs, Map<String, List<Ext>> children) {
    }

    /** prefix -> element name -> occurrences, in document order. */
    static final class Collected {
        final Map<String, Map<String, List<Ext>>> byPrefix = new LinkedHashMap<>();

        boolean isEmpty() {
            return byPrefix.isEmpty();
        }

        Map<String, List<Ext>> get(String prefix) {
            return byPrefix.get(prefix);
        }
    }

    private FeedExtensions() {
    }

    /** gofeed's IsExtension: in a namespace that is not the feed's own (rss, rdf, content). */
    static boolean isExtension(FeedXml.Element e, Map<String, String> spaces) {
        String space = FeedText.trimSpace(e.space);
        String prefix = spaces.get(space);
        if (prefix != null) {
            return !(prefix.isEmpty() || prefix.equals("rss") || prefix.equals("rdf") || prefix.equals("content"));
        }
        return !e.space.isEmpty();
    }

    static String prefixFor(String space, Map<String, String> spaces) {
        String canonical = CANONICAL.get(space);
        if (canonical != null) {
            return canonical;
        }
        String declared = spaces.get(space);
        return declared != null ? declared : space;
    }

    static void add(Collected set, FeedXml.Element e, Map<String, String> spaces) {
        String prefix = prefixFor(e.space, spaces);
        set.byPrefix.computeIfAbsent(prefix, k -> new LinkedHashMap<>())
                .computeIfAbsent(e.local, k -> new ArrayList<>())
                .add(parse(e));
    }

    private static Ext parse(FeedXml.Element e) {
        Map<String, String> attrs = new LinkedHashMap<>();
        e.attrs.forEach((k, v) -> attrs.put(XmlInput.localName(k), v));
        Map<String, List<Ext>> children = new LinkedHashMap<>();
        StringBuilder value = new StringBuilder();
        for (Object c : e.children) {
            if (c instanceof FeedXml.Element child) {
                children.computeIfAbsent(child.local, k -> new ArrayList<>()).add(parse(child));
            } else if (c instanceof FeedXml.Text t) {
                value.append(t.text());
            }
        }
        return new Ext(e.local, FeedText.trimSpace(value.toString()), attrs, children);
    }

    static String text(Map<String, List<Ext>> m, String name) {
        if (m == null) {
            return "";
        }
        List<Ext> l = m.get(name);
        return l == null || l.isEmpty() ? "" : l.get(0).value();
    }

    /** parseTextArrayExtension: null when absent, like a nil Go slice. */
    static List<String> texts(Map<String, List<Ext>> m, String name) {
        if (m == null) {
            return null;
        }
        List<Ext> l = m.get(name);
        if (l == null || l.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Ext x : l) {
            out.add(x.value());
        }
        return out;
    }

    static String first(List<String> l) {
        return l == null || l.isEmpty() ? "" : l.get(0);
    }

    static String image(Map<String, List<Ext>> itunes) {
        if (itunes == null) {
            return "";
        }
        List<Ext> l = itunes.get("image");
        if (l == null || l.isEmpty()) {
            return "";
        }
        String href = l.get(0).attrs().get("href");
        return href == null ? "" : href;
    }

    /** Text and subcategory text of each itunes:category, flattened as gofeed's translator does. */
    static List<String> itunesCategories(Map<String, List<Ext>> itunes) {
        List<String> out = new ArrayList<>();
        if (itunes == null || itunes.get("category") == null) {
            return out;
        }
        for (Ext cat : itunes.get("category")) {
            out.add(cat.attrs().getOrDefault("text", ""));
            List<Ext> subs = cat.children().get("category");
            if (subs != null) {
                out.add(subs.get(0).attrs().getOrDefault("text", ""));
            }
        }
        return out;
    }

    /** The "extensions" JSON object. */
    static Map<String, Object> toJson(Collected set) {
        Map<String, Object> out = new LinkedHashMap<>();
        set.byPrefix.forEach((prefix, names) -> out.put(prefix, namesToJson(names)));
        return out;
    }

    private static Map<String, Object> namesToJson(Map<String, List<Ext>> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        names.forEach((name, list) -> {
            List<Object> items = new ArrayList<>();
            for (Ext x : list) {
                items.add(toJson(x));
            }
            out.put(name, items);
        });
        return out;
    }

    private static StructMap toJson(Ext x) {
        StructMap m = new StructMap();
        m.put("name", x.name());
        m.put("value", x.value());
        m.put("attrs", new LinkedHashMap<String, Object>(x.attrs()));
        m.put("children", namesToJson(x.children()));
        return m;
    }

    /** gofeed's DublinCoreExtension as JSON (every field omitempty). */
    static StructMap dublinCore(Map<String, List<Ext>> dc) {
        StructMap m = new StructMap();
        for (String f : DC_FIELDS) {
            List<String> v = texts(dc, f);
            if (v != null && !v.isEmpty()) {
                m.put(f, v);
            }
        }
        return m;
    }

    /** gofeed's ITunesItemExtension as JSON (every field omitempty). */
    static StructMap itunesItem(Map<String, List<Ext>> it) {
        StructMap m = new StructMap();
        putText(m, "author", text(it, "author"));
        putText(m, "block", text(it, "block"));
        putText(m, "duration", text(it, "duration"));
        putText(m, "explicit", text(it, "explicit"));
        putText(m, "keywords", text(it, "keywords"));
        putText(m, "subtitle", text(it, "subtitle"));
        putText(m, "summary", text(it, "summary"));
        putText(m, "image", image(it));
        putText(m, "isClosedCaptioned", text(it, "isClosedCaptioned"));
        putText(m, "episode", text(it, "episode"));
        putText(m, "season", text(it, "season"));
        putText(m, "order", text(it, "order"));
        putText(m, "episodeType", text(it, "episodeType"));
        return m;
    }

    static void putText(Map<String, Object> m, String key, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(key, v);
        }
    }
}

package dev.kgw.encoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Atom 0.3/1.0 feeds, following gofeed's atom parser and default Atom translator, including how
 * text constructs are decoded by their {@code type} (text, html, xhtml, or base64 for anything
 * else).
 */
final class AtomFeedParser {

    private final Map<String, String> spaces;

    private AtomFeedParser(Map<String, String> spaces) {
        this.spaces = spaces;
    }

    static FeedOutput.Feed parse(FeedXml.Document doc) {
        return new AtomFeedParser(doc.spaces()).feed(doc.root());
    }

    private record Link(String href, String rel, String type, String length) {
    }

    private FeedOutput.Feed feed(FeedXml.Element root) {
        FeedOutput.Feed f = new FeedOutput.Feed();
        f.type = "atom";
        f.language = root.attr("lang");
        List<String> categories = null;
        StructMap firstAuthor = null;
        String logo = "";
        for (FeedXml.Element e : root.elements()) {
            if (FeedExtensions.isExtension(e, spaces)) {
                continue;
            }
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "title" -> f.title = text(e);
                case "updated", "modified" -> f.updated = text(e);
                case "subtitle", "tagline" -> f.description = text(e);
                case "logo" -> logo = text(e);
                case "rights", "copyright" -> f.copyright = text(e);
                case "author" -> {
                    StructMap p = person(e);
                    if (firstAuthor == null) {
                        firstAuthor = p;
                    }
                }
                case "category" -> {
                    if (categories == null) {
                        categories = new ArrayList<>();
                    }
                    categories.add(e.attr("term"));
                }
                case "entry" -> f.items.add(entry(e).toJson());
                default -> {
                    // id, link, generator, icon, contributor: not in KrakenD's output
                }
            }
        }
        f.author = firstAuthor;
        f.categories = categories;
        if (!logo.isEmpty()) {
            f.imageUrl = logo;
        }
        return f;
    }

    private FeedOutput.Item entry(FeedXml.Element entry) {
        FeedOutput.Item item = new FeedOutput.Item();
        FeedExtensions.Collected ext = new FeedExtensions.Collected();
        List<Link> links = new ArrayList<>();
        List<Object> authors = null;
        List<String> categories = null;
        String published = "";
        GoTime.Parsed publishedParsed = null;
        for (FeedXml.Element e : entry.elements()) {
            if (FeedExtensions.isExtension(e, spaces)) {
                FeedExtensions.add(ext, e, spaces);
                continue;
            }
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "title" -> item.title = text(e);
                case "id" -> item.guid = text(e);
                case "summary" -> item.description = text(e);
                case "updated", "modified" -> {
                    item.updated = text(e);
                    GoTime.Parsed d = FeedDates.parse(item.updated);
                    item.updatedParsed = d == null ? null : d.utc();
                }
                case "published", "issued" -> {
                    published = text(e);
                    GoTime.Parsed d = FeedDates.parse(published);
                    publishedParsed = d == null ? null : d.utc();
                }
                case "author" -> {
                    if (authors == null) {
                        authors = new ArrayList<>();
                    }
                    authors.add(person(e));
                }
                case "category" -> {
                    if (categories == null) {
                        categories = new ArrayList<>();
                    }
                    categories.add(e.attr("term"));
                }
                case "link" -> {
                    String rel = e.attr("rel");
                    links.add(new Link(e.attr("href"), rel.isEmpty() ? "alternate" : rel, e.attr("type"),
                            e.attr("length")));
                }
                case "content" -> item.content = text(e);
                default -> {
                    // rights, source, contributor: not part of the universal item
                }
            }
        }
        item.published = !published.isEmpty() ? published : item.updated;
        item.publishedParsed = publishedParsed != null ? publishedParsed : item.updatedParsed;
        if (authors != null) {
            item.author = (StructMap) authors.get(0);
            item.authors = authors;
        }
        item.categories = categories;
        List<String> hrefs = new ArrayList<>();
        List<Object> enclosures = new ArrayList<>();
        for (Link l : links) {
            if (item.link.isEmpty() && l.rel().equals("alternate")) {
                item.link = l.href();
            }
            if (l.rel().equals("alternate") || l.rel().equals("self")) {
                hrefs.add(l.href());
            }
            if (l.rel().equals("enclosure")) {
                enclosures.add(FeedOutput.enclosure(l.href(), l.length(), l.type()));
            }
        }
        item.links = hrefs;
        item.enclosures = enclosures;
        if (!ext.isEmpty()) {
            item.extensions = FeedExtensions.toJson(ext);
        }
        return item;
    }

    private StructMap person(FeedXml.Element p) {
        String name = "";
        String email = "";
        for (FeedXml.Element e : p.elements()) {
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "name" -> name = text(e);
                case "email" -> email = text(e);
                default -> {
                    // uri is not part of gofeed's Person
                }
            }
        }
        return FeedOutput.person(name, email);
    }

    /** gofeed's parseAtomText (without its HTML URL rewriting for xml:base). */
    static String text(FeedXml.Element e) {
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        String mode = e.attr("mode").toLowerCase(Locale.ROOT);
        String result = FeedText.trimSpace(FeedText.innerXml(e));
        if (result.contains("<![CDATA[")) {
            return FeedText.stripCdata(result);
        }
        if (type.equals("text") || type.startsWith("text/") || (type.isEmpty() && mode.isEmpty())) {
            return FeedText.decodeEntities(result);
        }
        if (type.contains("xhtml")) {
            return unwrapDiv(e, result);
        }
        if (type.equals("html")) {
            return FeedText.decodeEntities(result);
        }
        try {
            // Go's StdEncoding ignores line breaks inside base64 text.
            byte[] decoded = Base64.getDecoder().decode(result.replace("\r", "").replace("\n", ""));
            return new String(decoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return result;
        }
    }

    /** gofeed drops a single wrapping {@code <div>} around XHTML content. */
    private static String unwrapDiv(FeedXml.Element e, String fallback) {
        List<FeedXml.Element> children = e.elements();
        if (children.size() == 1 && children.get(0).local.equalsIgnoreCase("div")) {
            return FeedText.innerXml(children.get(0));
        }
        return fallback;
    }
}

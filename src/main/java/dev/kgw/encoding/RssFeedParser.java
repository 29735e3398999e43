package dev.kgw.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RSS 0.9x/1.0/2.0 feeds, following gofeed's rss parser and its default RSS translator: which
 * elements are read, the fallbacks to Dublin Core and iTunes data, and which values are
 * converted to UTC.
 */
final class RssFeedParser {

    private final Map<String, String> spaces;

    private RssFeedParser(Map<String, String> spaces) {
        this.spaces = spaces;
    }

    static FeedOutput.Feed parse(FeedXml.Document doc) {
        return new RssFeedParser(doc.spaces()).root(doc.root());
    }

    /** Channel-level data gathered before translation. */
    private static final class Channel {
        String title = "";
        String description = "";
        String language = "";
        String copyright = "";
        String managingEditor = "";
        String webMaster = "";
        String pubDate = "";
        String lastBuildDate = "";
        String[] image; // {url, title}
        final List<String> categories = new ArrayList<>();
        final List<FeedOutput.Item> items = new ArrayList<>();
        final FeedExtensions.Collected extensions = new FeedExtensions.Collected();
    }

    private FeedOutput.Feed root(FeedXml.Element root) {
        Channel channel = null;
        String[] rootImage = null;
        List<FeedOutput.Item> rootItems = new ArrayList<>();
        for (FeedXml.Element e : root.elements()) {
            if (FeedExtensions.isExtension(e, spaces)) {
                continue;
            }
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "channel" -> channel = channel(e);
                case "item" -> rootItems.add(item(e));
                case "image" -> rootImage = image(e);
                default -> {
                    // textinput and unknown elements do not reach KrakenD's output
                }
            }
        }
        if (channel == null) {
            channel = new Channel();
        }
        channel.items.addAll(rootItems);
        if (rootImage != null) {
            channel.image = rootImage;
        }
        return translate(channel);
    }

    private Channel channel(FeedXml.Element ch) {
        Channel c = new Channel();
        for (FeedXml.Element e : ch.elements()) {
            if (FeedExtensions.isExtension(e, spaces)) {
                FeedExtensions.add(c.extensions, e, spaces);
                continue;
            }
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "title" -> c.title = FeedText.parseText(e);
                case "description" -> c.description = FeedText.parseText(e);
                case "language" -> c.language = FeedText.parseText(e);
                case "copyright" -> c.copyright = FeedText.parseText(e);
                case "managingeditor" -> c.managingEditor = FeedText.parseText(e);
                case "webmaster" -> c.webMaster = FeedText.parseText(e);
                case "pubdate" -> c.pubDate = FeedText.parseText(e);
                case "lastbuilddate" -> c.lastBuildDate = FeedText.parseText(e);
                case "item" -> c.items.add(item(e));
                case "category" -> c.categories.add(FeedText.parseText(e));
                case "image" -> c.image = image(e);
                default -> {
                    // other channel fields are not part of KrakenD's output
                }
            }
        }
        return c;
    }

    private static String[] image(FeedXml.Element img) {
        String[] out = {"", ""};
        for (FeedXml.Element e : img.elements()) {
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "url" -> out[0] = FeedText.parseText(e);
                case "title" -> out[1] = FeedText.parseText(e);
                default -> {
                    // link, width, height, description are not used
                }
            }
        }
        return out;
    }

    private FeedOutput.Feed translate(Channel c) {
        Map<String, List<FeedExtensions.Ext>> dc = c.extensions.get("dc");
        Map<String, List<FeedExtensions.Ext>> itunes = c.extensions.get("itunes");
        FeedOutput.Feed f = new FeedOutput.Feed();
        f.type = "rss";
        f.title = !c.title.isEmpty() ? c.title : FeedExtensions.first(FeedExtensions.texts(dc, "title"));
        f.description = c.description;
        f.language = !c.language.isEmpty() ? c.language : FeedExtensions.first(FeedExtensions.texts(dc, "language"));
        f.copyright = !c.copyright.isEmpty() ? c.copyright : FeedExtensions.first(FeedExtensions.texts(dc, "rights"));
        f.published = c.pubDate;
        f.updated = !c.lastBuildDate.isEmpty() ? c.lastBuildDate : FeedExtensions.first(FeedExtensions.texts(dc, "date"));
        f.author = author(c.managingEditor, c.webMaster, dc, itunes);

        List<String> cats = new ArrayList<>(c.categories);
        String keywords = FeedExtensions.text(itunes, "keywords");
        if (!keywords.isEmpty()) {
            cats.addAll(Arrays.asList(keywords.split(",", -1)));
        }
        cats.addAll(FeedExtensions.itunesCategories(itunes));
        List<String> subjects = FeedExtensions.texts(dc, "subject");
        if (subjects != null) {
            cats.addAll(subjects);
        }
        f.categories = cats.isEmpty() ? null : cats;

        if (c.image != null) {
            f.imageUrl = c.image[0];
        } else if (!FeedExtensions.image(itunes).isEmpty()) {
            f.imageUrl = FeedExtensions.image(itunes);
        }
        for (FeedOutput.Item item : c.items) {
            f.items.add(item.toJson());
        }
        return f;
    }

    /** Feed author: managingEditor, webMaster, dc:author, dc:creator, then itunes:author. */
    private static StructMap author(String managingEditor, String webMaster,
            Map<String, List<FeedExtensions.Ext>> dc, Map<String, List<FeedExtensions.Ext>> itunes) {
        if (!managingEditor.isEmpty()) {
            return FeedOutput.personFromText(managingEditor);
        }
        if (!webMaster.isEmpty()) {
            return FeedOutput.personFromText(webMaster);
        }
        return fallbackAuthor(dc, itunes);
    }

    private static StructMap fallbackAuthor(Map<String, List<FeedExtensions.Ext>> dc,
            Map<String, List<FeedExtensions.Ext>> itunes) {
        List<String> dcAuthor = FeedExtensions.texts(dc, "author");
        if (dcAuthor != null) {
            return FeedOutput.personFromText(FeedExtensions.first(dcAuthor));
        }
        List<String> dcCreator = FeedExtensions.texts(dc, "creator");
        if (dcCreator != null) {
            return FeedOutput.personFromText(FeedExtensions.first(dcCreator));
        }
        String itAuthor = FeedExtensions.text(itunes, "author");
        if (!itAuthor.isEmpty()) {
            return FeedOutput.personFromText(itAuthor);
        }
        return null;
    }

    private FeedOutput.Item item(FeedXml.Element it) {
        FeedExtensions.Collected ext = new FeedExtensions.Collected();
        List<String> categories = new ArrayList<>();
        List<Object> enclosures = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String title = "";
        String description = "";
        String content = "";
        String link = "";
        String authorText = "";
        String pubDate = "";
        GoTime.Parsed pubDateParsed = null;
        String guid = "";
        Map<String, Object> custom = null;
        for (FeedXml.Element e : it.elements()) {
            if (FeedExtensions.isExtension(e, spaces)) {
                FeedExtensions.add(ext, e, spaces);
                continue;
            }
            switch (e.local.toLowerCase(Locale.ROOT)) {
                case "title" -> title = FeedText.parseText(e);
                case "description" -> description = FeedText.parseText(e);
                case "encoded" -> {
                    if ("content".equals(spaces.get(FeedText.trimSpace(e.space)))) {
                        content = FeedText.parseText(e);
                    }
                }
                case "link" -> {
                    String href = e.attr("href");
                    link = FeedText.parseText(e);
                    if (link.isEmpty() && !href.isEmpty()) {
                        link = href;
                    }
                    links.add(link);
                }
                case "author" -> authorText = FeedText.parseText(e);
                case "pubdate" -> {
                    pubDate = FeedText.parseText(e);
                    GoTime.Parsed d = FeedDates.parse(pubDate);
                    pubDateParsed = d == null ? null : d.utc();
                }
                case "enclosure" -> enclosures.add(FeedOutput.enclosure(e.attr("url"), e.attr("length"), e.attr("type")));
                case "guid" -> guid = FeedText.parseText(e);
                case "category" -> categories.add(FeedText.parseText(e));
                case "comments", "source" -> {
                    // parsed by gofeed but not part of the universal item
                }
                default -> {
                    if (custom == null) {
                        custom = new LinkedHashMap<>();
                    }
                    custom.put(e.local, FeedText.parseText(e));
                }
            }
        }
        Map<String, List<FeedExtensions.Ext>> dc = ext.get("dc");
        Map<String, List<FeedExtensions.Ext>> itunes = ext.get("itunes");

        FeedOutput.Item item = new FeedOutput.Item();
        item.title = !title.isEmpty() ? title : FeedExtensions.first(FeedExtensions.texts(dc, "title"));
        item.description = !description.isEmpty() ? description
                : FeedExtensions.first(FeedExtensions.texts(dc, "description"));
        item.content = content;
        item.link = link;
        item.links = links;
        List<String> dcDate = FeedExtensions.texts(dc, "date");
        if (!pubDate.isEmpty()) {
            item.published = pubDate;
        } else if (dcDate != null) {
            item.published = FeedExtensions.first(dcDate);
        }
        if (pubDateParsed != null) {
            item.publishedParsed = pubDateParsed;
        } else if (dcDate != null) {
            // gofeed does not convert this fallback to UTC.
            item.publishedParsed = FeedDates.parse(FeedExtensions.first(dcDate));
        }
        item.author = !authorText.isEmpty() ? FeedOutput.personFromText(authorText) : fallbackAuthor(dc, itunes);
        if (item.author != null) {
            item.authors = List.of(item.author);
        }
        item.guid = guid;
        String itImage = FeedExtensions.image(itunes);
        if (!itImage.isEmpty()) {
            item.image = FeedOutput.image(itImage, "");
        }
        String keywords = FeedExtensions.text(itunes, "keywords");
        if (!keywords.isEmpty()) {
            categories.addAll(Arrays.asList(keywords.split(",", -1)));
        }
        List<String> subjects = FeedExtensions.texts(dc, "subject");
        if (subjects != null) {
            categories.addAll(subjects);
        }
        item.categories = categories;
        item.enclosures = enclosures;
        if (dc != null) {
            item.dcExt = FeedExtensions.dublinCore(dc);
        }
        if (itunes != null) {
            item.itunesExt = FeedExtensions.itunesItem(itunes);
        }
        if (!ext.isEmpty()) {
            item.extensions = FeedExtensions.toJson(ext);
        }
        item.custom = custom;
        return item;
    }
}

package dev.kgw.encoding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree for feed parsing. gofeed reads elements through Go's xml decoder, which
 * reports namespace URLs (not prefixes) and keeps the raw inner XML of text elements; this tree
 * records what is needed to reproduce both, while StAX (configured in {@link XmlInput}) keeps the
 * parsing XXE-safe.
 */
final class FeedXml {


    private FeedXml() {
    }

    /** Text content; CDATA is kept apart because gofeed treats it differently. */
    record Text(String text, boolean cdata) {
    }

    /** A comment or processing instruction, kept verbatim for inner-XML reconstruction. */
    record Markup(String raw) {
    }

    static final class Element {
        final String raw;
        final String local;
        /** Go's Name.Space: namespace URL, or the bare prefix when it was never declared. */
        final String space;
        final Map<String, String> attrs = new LinkedHashMap<>(); // raw name -> value, document order
        final List<Object> children = new ArrayList<>();

        Element(String raw, String space) {
            this.raw = raw;
            this.local = XmlInput.localName(raw);
            this.space = space;
        }

        /** goxpp's Attribute(): first attribute whose local name matches, else "". */
        String attr(String localName) {
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                if (XmlInput.localName(a.getKey()).equals(localName)) {
                    return a.getValue();
                }
            }
            return "";
        }

        List<Element> elements() {
            List<Element> out = new ArrayList<>();
            for (Object c : children) {
                if (c instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** The parsed document: its root and goxpp's global namespace URL to prefix table. */
    record Document(Element root, Map<String, String> spaces) {
    }

    static Document parse(byte[] body) {
        return XmlInput.parse(body, FeedXml::read);
    }

    private static Document read(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> spaces = new HashMap<>();
        ArrayDeque<Element> open = new ArrayDeque<>();
        ArrayDeque<Map<String, String>> scopes = new ArrayDeque<>();
        scopes.push(Map.of());
        Element root = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> scope = new HashMap<>(scopes.peek());
                    String raw = rawName(r.getPrefix(), r.getLocalName());
                    List<String[]> attrs = new ArrayList<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String name = rawName(r.getAttributePrefix(i), r.getAttributeLocalName(i));
                        String value = r.getAttributeValue(i);
                        attrs.add(new String[] {name, value});
                        if (name.equals("xmlns")) {
                            scope.put("", value);
                            spaces.put(value, "");
                        } else if (name.startsWith("xmlns:")) {
                            scope.put(name.substring(6), value);
                            spaces.put(value, name.substring(6));
                        }
                    }
                    scopes.push(scope);
                    String prefix = XmlInput.prefix(raw);
                    String space;
                    if (prefix.isEmpty()) {
                        space = scope.getOrDefault("", "");
                    } else if (prefix.equals("xml")) {
                        space = "http://www.w3.org/XML/1998/namespace";
                    } else {
                        space = scope.getOrDefault(prefix, prefix);
                    }
                    Element e = new Element(raw, space);
                    for (String[] a : attrs) {
                        e.attrs.put(a[0], a[1]);
                    }
                    if (open.isEmpty()) {
                        root = e;
                    } else {
                        open.peek().children.add(e);
                    }
                    open.push(e);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    open.pop();
                    scopes.pop();
                    if (open.isEmpty()) {
                        return new Document(root, spaces);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        appendText(open.peek(), r.getText(), false);
                    }
                }
                case XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        appendText(open.peek(), r.getText(), true);
                    }
                }
                case XMLStreamConstants.COMMENT -> {
                    if (!open.isEmpty()) {
                        open.peek().children.add(new Markup("<!--" + r.getText() + "-->"));
                    }
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    if (!open.isEmpty()) {
                        String data = r.getPIData();
                        open.peek().children.add(new Markup("<?" + r.getPITarget()
                                + (data == null || data.isEmpty() ? "" : " " + data) + "?>"));
                    }
                }
                default -> {
                    // DTD, document start/end: nothing to keep
                }
            }
        }
        throw new DecodeException("Failed to find root node before document end.");
    }

    private static void appendText(Element e, String text, boolean cdata) {
        List<Object> c = e.children;
        if (!c.isEmpty() && c.get(c.size() - 1) instanceof Text t && t.cdata() == cdata && !cdata) {
            c.set(c.size() - 1, new Text(t.text() + text, false));
        } else {
            c.add(new Text(text, cdata));
        }
    }

    private static String rawName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
}

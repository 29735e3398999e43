package dev.kgw.encoding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code xml} backend encoding: XML into the map clbanning/mxj v1.8.4 {@code NewMapXmlReader}
 * builds for KrakenD (krakend-xml). Reproduces mxj's quirks on purpose, since they decide what
 * clients see: values stay strings, text is trimmed per chunk, text that precedes child elements
 * wins over them, and anything after the root element is ignored.
 */
public final class XmlDecoder {


    /** One open element: mxj's {@code n} (the text value) and {@code na} (attributes and children). */
    private static final class Frame {
        final String key;
        final Map<String, Object> children = new LinkedHashMap<>();
        String text;

        Frame(String key) {
            this.key = key;
        }
    }

    /**
     * @throws DecodeException when the body is not well-formed XML or has no root element
     */
    public Map<String, Object> decode(byte[] body) {
        if (body == null) {
            body = new byte[0];
        }
        if (isBlank(body)) {
            // Go's decoder hits the end of input before any token.
            throw new DecodeException("EOF");
        }
        return XmlInput.parse(body, XmlDecoder::read);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    static String syntaxError(XMLStreamException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int i = msg.indexOf("Message: ");
        if (i >= 0) {
            msg = msg.substring(i + "Message: ".length());
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        return "xml.Decoder.Token() - XML syntax error on line " + line + ": " + msg.trim();
    }

    private static Map<String, Object> read(XMLStreamReader r) throws XMLStreamException {
        ArrayDeque<Frame> open = new ArrayDeque<>();
        StringBuilder chunk = new StringBuilder();
        int chunkKind = 0; // 0 none, 1 text, 2 CDATA: Go's decoder yields these as separate tokens
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (chunkKind == 2) {
                        flush(open, chunk);
                    }
                    chunk.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    chunkKind = 1;
                }
                case XMLStreamConstants.CDATA -> {
                    if (chunkKind == 1) {
                        flush(open, chunk);
                    }
                    chunk.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    chunkKind = 2;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    flush(open, chunk);
                    chunkKind = 0;
                    Frame f = new Frame(XmlInput.localName(r.getLocalName()));
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String name = r.getAttributeLocalName(i);
                        String prefix = r.getAttributePrefix(i);
                        String raw = prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
                        f.children.put("-" + XmlInput.localName(raw), r.getAttributeValue(i));
                    }
                    open.push(f);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    flush(open, chunk);
                    chunkKind = 0;
                    Frame f = open.pop();
                    Object value = f.text != null ? f.text : f.children.isEmpty() ? "" : f.children;
                    if (open.isEmpty()) {
                        Map<String, Object> root = new LinkedHashMap<>();
                        root.put(f.key, value);
                        return root;
                    }
                    addChild(open.peek().children, f.key, value);
                }
                default -> {
                    flush(open, chunk);
                    chunkKind = 0;
                }
            }
        }
        throw new DecodeException("EOF");
    }

    @SuppressWarnings("unchecked")
    private static void addChild(Map<String, Object> siblings, String key, Object value) {
        Object existing = siblings.get(key);
        if (existing == null && !siblings.containsKey(key)) {
            siblings.put(key, value);
        } else if (existing instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> list = new ArrayList<>();
            list.add(existing);
            list.add(value);
            siblings.put(key, list);
        }
    }

    /** Applies one text token the way mxj does: trimmed, blank ignored, last one wins. */
    private static void flush(ArrayDeque<Frame> open, StringBuilder chunk) {
        if (chunk.length() == 0) {
            return;
        }
        String t = trim(chunk);
        chunk.setLength(0);
        if (t.isEmpty() || open.isEmpty()) {
            return;
        }
        Frame f = open.peek();
        if (!f.children.isEmpty()) {
            f.children.put("#text", t);
        } else {
            f.text = t;
        }
    }

    /** Go's strings.Trim(s, "\t\r\b\n "). */
    private static String trim(CharSequence s) {
        int a = 0;
        int b = s.length();
        while (a < b && isTrimmed(s.charAt(a))) {
            a++;
        }
        while (b > a && isTrimmed(s.charAt(b - 1))) {
            b--;
        }
        return s.subSequence(a, b).toString();
    }

    private static boolean isTrimmed(char c) {
        return c == '\t' || c == '\r' || c == '\b' || c == '\n' || c == ' ';
    }
}

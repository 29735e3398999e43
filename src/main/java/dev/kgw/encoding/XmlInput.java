package dev.kgw.encoding;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place StAX readers are configured, so every XML-based decoder is XXE-safe: no DTD
 * processing, no external entities, no external DTD fetching. The JDK's built-in factory is
 * pinned so a StAX implementation on the classpath cannot change these semantics. StAX does not
 * promise that factories are thread-safe, so callers keep one per thread.
 */
final class XmlInput {
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlInput::newFactory);

    private XmlInput() {
    }

    /** What a decoder does with an open reader. */
    @FunctionalInterface
    interface Reading<T> {
        T read(XMLStreamReader reader) throws XMLStreamException;
    }

    /**
     * Opens a hardened reader on {@code body} (after {@link #start}), hands it to {@code reading} and closes it;
     * a syntax error becomes a {@link DecodeException} worded as Go's.
     */
    static <T> T parse(byte[] body, Reading<T> reading) {
        int from = start(body);
        XMLStreamReader r = null;
        try {
            r = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(body, from, body.length - from));
            return reading.read(r);
        } catch (XMLStreamException e) {
            throw new DecodeException(XmlDecoder.syntaxError(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /**
     * A hardened factory. Namespace processing is off because Go's xml decoder tolerates
     * undeclared prefixes; callers strip prefixes themselves.
     */
    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** Go's xml.Name.Local for a raw "prefix:local" name. */
    static String localName(String raw) {
        int i = raw.indexOf(':');
        if (i <= 0 || i == raw.length() - 1 || raw.indexOf(':', i + 1) >= 0) {
            return raw;
        }
        return raw.substring(i + 1);
    }

    /** The prefix of a raw name, or "" when it has none (same splitting rule as localName). */
    static String prefix(String raw) {
        int i = raw.indexOf(':');
        if (i <= 0 || i == raw.length() - 1 || raw.indexOf(':', i + 1) >= 0) {
            return "";
        }
        return raw.substring(0, i);
    }

    /** Skips leading whitespace before an XML declaration, which Go accepts and StAX rejects. */
    static int start(byte[] body) {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        boolean decl = i + 5 <= body.length && body[i] == '<' && body[i + 1] == '?' && body[i + 2] == 'x'
                && body[i + 3] == 'm' && body[i + 4] == 'l';
        return decl ? i : 0;
    }
}

package dev.kgw.encoding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gofeed's text helpers: an element's text is its raw inner XML, trimmed, with CDATA sections
 * unwrapped or entities decoded. Markup nested in a text element therefore survives as markup
 * (for example unescaped XHTML in a description), which is why this rebuilds the inner XML instead
 * of just concatenating text.
 */
final class FeedText {

    private static final String CDATA_START = "<![CDATA[";
    private static final String CDATA_END = "]]>";

    private static final Pattern EMAIL_NAME = Pattern.compile("^([^@]+@[^\\s]+)\\s+\\(([^@]+)\\)$");
    private static final Pattern NAME_EMAIL = Pattern.compile("^([^@]+)\\s+\\(([^@]+@[^)]+)\\)$");
    private static final Pattern NAME_ONLY = Pattern.compile("^([^@()]+)$");
    private static final Pattern EMAIL_ONLY = Pattern.compile("^([^@()]+@[^@()]+)$");

    private FeedText() {
    }

    /** gofeed's shared.ParseText. */
    static String parseText(FeedXml.Element e) {
        String result = trimSpace(innerXml(e));
        if (result.contains(CDATA_START)) {
            return stripCdata(result);
        }
        return decodeEntities(result);
    }

    /** The element's content as XML text, equivalent (after decoding) to Go's innerxml. */
    static String innerXml(FeedXml.Element e) {
        StringBuilder sb = new StringBuilder();
        appendInner(sb, e);
        return sb.toString();
    }

    private static void appendInner(StringBuilder sb, FeedXml.Element e) {
        for (Object c : e.children) {
            if (c instanceof FeedXml.Text t) {
                if (t.cdata()) {
                    sb.append(CDATA_START).append(t.text()).append(CDATA_END);
                } else {
                    escape(sb, t.text(), false);
                }
            } else if (c instanceof FeedXml.Markup m) {
                sb.append(m.raw());
            } else if (c instanceof FeedXml.Element child) {
                sb.append('<').append(child.raw);
                child.attrs.forEach((k, v) -> {
                    sb.append(' ').append(k).append("=\"");
                    escape(sb, v, true);
                    sb.append('"');
                });
                sb.append('>');
                appendInner(sb, child);
                sb.append("</").append(child.raw).append('>');
            }
        }
    }

    private static void escape(StringBuilder sb, String s, boolean attr) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
    }

    /**
     * gofeed's StripCDATA, bugs included: text before a CDATA section is dropped, text after
     * the last one is entity-decoded, and the cursor arithmetic skips ahead after the first.
     */
    static String stripCdata(String str) {
        StringBuilder buf = new StringBuilder();
        int curr = 0;
        while (curr < str.length()) {
            int start = str.indexOf(CDATA_START, curr);
            if (start == -1) {
                buf.append(decodeEntities(str.substring(curr)));
                return buf.toString();
            }
            int end = str.indexOf(CDATA_END, start);
            if (end == -1) {
                buf.append(decodeEntities(str.substring(curr)));
                return buf.toString();
            }
            buf.append(str, start + CDATA_START.length(), end);
            curr = curr + end + CDATA_END.length();
        }
        return buf.toString();
    }

    /**
     * gofeed's DecodeEntities. Input here only carries the escapes {@link #innerXml} writes
     * plus whatever CDATA-adjacent text contains, so the XML entities and numeric references
     * cover what html.UnescapeString would decode.
     */
    static String decodeEntities(String str) {
        StringBuilder buf = new StringBuilder(str.length());
        int i = 0;
        while (i < str.length()) {
            int amp = str.indexOf('&', i);
            if (amp == -1) {
                buf.append(str, i, str.length());
                break;
            }
            buf.append(str, i, amp);
            if (amp == str.length() - 1) {
                buf.append('&');
                return buf.toString();
            }
            int semi = str.indexOf(';', amp);
            if (semi == -1 || str.substring(amp + 1, semi).contains(" ")) {
                buf.append(str, amp, str.length());
                return buf.toString();
            }
            buf.append(unescapeEntity(str.substring(amp, semi + 1)));
            i = semi + 1;
        }
        return buf.toString();
    }

    private static String unescapeEntity(String entity) {
        String name = entity.substring(1, entity.length() - 1);
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return "\u00A0";
            default:
                break;
        }
        if (name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                    return new String(Character.toChars(cp));
                }
                return "\uFFFD";
            } catch (NumberFormatException e) {
                return entity;
            }
        }
        return entity;
    }

    /** Go's strings.TrimSpace (Unicode White_Space, which includes NBSP unlike Java's strip). */
    static String trimSpace(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isGoSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isGoSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isGoSpace(char c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /** gofeed's ParseNameAddress: "email (Name)", "Name (email)", a bare name or a bare email. */
    static String[] parseNameAddress(String text) {
        if (text.isEmpty()) {
            return new String[] {"", ""};
        }
        Matcher m = EMAIL_NAME.matcher(text);
        if (m.matches()) {
            return new String[] {m.group(2), m.group(1)};
        }
        m = NAME_EMAIL.matcher(text);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        m = NAME_ONLY.matcher(text);
        if (m.matches()) {
            return new String[] {m.group(1), ""};
        }
        m = EMAIL_ONLY.matcher(text);
        if (m.matches()) {
            return new String[] {"", m.group(1)};
        }
        return new String[] {"", ""};
    }
}

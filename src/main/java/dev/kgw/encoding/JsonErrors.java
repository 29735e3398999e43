package dev.kgw.encoding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jackson's parse errors into the wording of Go's encoding/json, because these messages
 * end up in logs and error bodies that operators compare against KrakenD's. Best effort: Jackson
 * does not expose the scanner state, so the context is inferred from its message.
 */
final class JsonErrors {

    static final String UNEXPECTED_END = "unexpected end of JSON input";

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('.*?' \\(code (\\d+)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern CTRL_CHAR = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern CTRL_BETWEEN = Pattern.compile("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern BAD_ESCAPE = Pattern.compile("Unrecognized character escape .*?\\(code (\\d+)\\)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
    private static final String[] LITERALS = {"true", "false", "null"};

    private JsonErrors() {
    }

    static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** Go's scanner reports the offending byte, quoted like a Go rune literal. */
    static String charAt(byte[] b, int i) {
        return GoQuote.quoteChar(b[i] & 0xFF);
    }

    static boolean isInvalidUtf8(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m != null && m.contains("Invalid UTF-8");
    }

    static DecodeException translate(JsonProcessingException e) {
        return new DecodeException(message(e), e);
    }

    private static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return UNEXPECTED_END;
        }
        if (e instanceof StreamConstraintsException && m.contains("nesting depth")) {
            return "exceeded max depth";
        }
        Matcher um = UNEXPECTED_CHAR.matcher(m);
        if (um.find()) {
            int cp = Integer.parseInt(um.group(1));
            if (cp == -1) {
                return UNEXPECTED_END;
            }
            return "invalid character " + GoQuote.quoteChar(cp) + " " + context(m);
        }
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.find()) {
            String where = close.group(2).equals("]") ? "after array element" : "after object key:value pair";
            return "invalid character " + GoQuote.quoteChar(close.group(1).charAt(0)) + " " + where;
        }
        Matcher tm = UNRECOGNIZED_TOKEN.matcher(m);
        if (tm.find() && !tm.group(1).isEmpty()) {
            return literalError(tm.group(1));
        }
        Matcher cm = CTRL_CHAR.matcher(m);
        if (cm.find()) {
            return "invalid character " + GoQuote.quoteChar(Integer.parseInt(cm.group(1))) + " in string literal";
        }
        Matcher bm = CTRL_BETWEEN.matcher(m);
        if (bm.find()) {
            return "invalid character " + GoQuote.quoteChar(Integer.parseInt(bm.group(1))) + " looking for beginning of value";
        }
        Matcher em = BAD_ESCAPE.matcher(m);
        if (em.find()) {
            return "invalid character " + GoQuote.quoteChar(Integer.parseInt(em.group(1))) + " in string escape code";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String context(String m) {
        if (m.contains("root-level")) {
            return "after top-level value";
        }
        if (m.contains("was expecting a colon")) {
            return "after object key";
        }
        if (m.contains("comma to separate Object entries")) {
            return "after object key:value pair";
        }
        if (m.contains("comma to separate Array entries")) {
            return "after array element";
        }
        if (m.contains("double-quote to start field name")) {
            return "looking for beginning of object key string";
        }
        return "looking for beginning of value";
    }

    private static String literalError(String token) {
        for (String lit : LITERALS) {
            if (token.charAt(0) != lit.charAt(0)) {
                continue;
            }
            int i = 1;
            while (i < token.length() && i < lit.length() && token.charAt(i) == lit.charAt(i)) {
                i++;
            }
            if (i < token.length() && i < lit.length()) {
                return "invalid character " + GoQuote.quoteChar(token.codePointAt(i)) + " in literal " + lit
                        + " (expecting " + GoQuote.quoteChar(lit.charAt(i)) + ")";
            }
            if (i == lit.length() && i < token.length()) {
                return "invalid character " + GoQuote.quoteChar(token.codePointAt(i)) + " after top-level value";
            }
            return "invalid literal " + lit;
        }
        return "invalid character " + GoQuote.quoteChar(token.codePointAt(0)) + " looking for beginning of value";
    }
}

package dev.kgw.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes compact JSON byte-for-byte like Go's {@code json.Marshal}. Hand-written rather than a
 * Jackson generator because Go's escaping differs in details Jackson cannot all be configured
 * for (HTML-safe escapes, lower-case hex, raw supplementary characters, U+FFFD for broken
 * surrogates). Iterative, so deep documents cannot overflow the stack.
 */
final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes();
    private static final int MAX_DEPTH = 100_000;

    private final OutputStream out;
    private byte[] buf;
    private int len;

    JsonWriter(OutputStream out) {
        this.out = out;
        this.buf = new byte[out == null ? 1024 : 8192];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void flush() {
        if (out != null && len > 0) {
            try {
                out.write(buf, 0, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            len = 0;
        }
    }

    /** One open object or array whose remaining children are still to be written. */
    private static final class Frame {
        final Object[] keys; // null for arrays
        final Object[] values;
        int next;

        Frame(Object[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }
    }

    void write(Object root) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        Frame opened = open(root);
        if (opened == null) {
            return;
        }
        stack.push(opened);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.next == f.values.length) {
                put(f.keys == null ? (byte) ']' : (byte) '}');
                stack.pop();
                continue;
            }
            int i = f.next++;
            if (i > 0) {
                put((byte) ',');
            }
            if (f.keys != null) {
                writeString((String) f.keys[i]);
                put((byte) ':');
            }
            Frame child = open(f.values[i]);
            if (child != null) {
                if (stack.size() >= MAX_DEPTH) {
                    throw new IllegalArgumentException("json: unsupported value: encountered a cycle");
                }
                stack.push(child);
            }
        }
    }

    /** Writes a scalar, or the opening bracket of a container and returns its frame. */
    private Frame open(Object v) {
        // Exact-class tests first: the decoder only makes these, and instanceof against an interface
        // (Map, Collection) on alternating classes defeats HotSpot's secondary-super cache (JDK-8180450),
        // which cost more than all the writing.
        Class<?> type = v == null ? null : v.getClass();
        if (v == null || type == String.class || type == JsonNumber.class || type == Boolean.class) {
            writeScalar(v);
            return null;
        }
        if (type == ArrayList.class) {
            List<?> l = (List<?>) v;
            put((byte) '[');
            if (l.isEmpty()) {
                put((byte) ']');
                return null;
            }
            return new Frame(null, l.toArray());
        }
        if (v instanceof Map<?, ?> m) {
            put((byte) '{');
            if (m.isEmpty()) {
                put((byte) '}');
                return null;
            }
            return objectFrame(m);
        }
        if (v instanceof Collection<?> c) {
            put((byte) '[');
            if (c.isEmpty()) {
                put((byte) ']');
                return null;
            }
            return new Frame(null, c.toArray());
        }
        if (v instanceof Object[] a) {
            put((byte) '[');
            if (a.length == 0) {
                put((byte) ']');
                return null;
            }
            return new Frame(null, a);
        }
        if (v instanceof Iterable<?> it) {
            put((byte) '[');
            ArrayList<Object> items = new ArrayList<>();
            it.forEach(items::add);
            if (items.isEmpty()) {
                put((byte) ']');
                return null;
            }
            return new Frame(null, items.toArray());
        }
        writeScalar(v);
        return null;
    }

    private static Frame objectFrame(Map<?, ?> m) {
        int n = m.size();
        Object[] keys = new Object[n];
        Object[] values = new Object[n];
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            keys[i] = k instanceof String s ? s : String.valueOf(k);
            values[i] = e.getValue();
            i++;
        }
        if (!(m instanceof StructMap) && n > 1) {
            sortByKey(keys, values);
        }
        return new Frame(keys, values);
    }

    /**
     * Sorts the parallel arrays by key in Go's order. Objects in API payloads are small and often already
     * sorted, so an in-place insertion sort (no boxing, no comparator objects) beats a general sort; large
     * objects take the merge sort of {@link Arrays#sort(Object[], java.util.Comparator)} on an index.
     */
    static void sortByKey(Object[] keys, Object[] values) {
        int n = keys.length;
        if (n > 32) {
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Utf8Order.INSTANCE.compare((String) keys[a], (String) keys[b]));
            Object[] sk = new Object[n];
            Object[] sv = new Object[n];
            for (int j = 0; j < n; j++) {
                sk[j] = keys[order[j]];
                sv[j] = values[order[j]];
            }
            System.arraycopy(sk, 0, keys, 0, n);
            System.arraycopy(sv, 0, values, 0, n);
            return;
        }
        for (int j = 1; j < n; j++) {
            Object k = keys[j];
            Object v = values[j];
            int h = j - 1;
            while (h >= 0 && Utf8Order.INSTANCE.compare((String) keys[h], (String) k) > 0) {
                keys[h + 1] = keys[h];
                values[h + 1] = values[h];
                h--;
            }
            keys[h + 1] = k;
            values[h + 1] = v;
        }
    }

    private void writeScalar(Object v) {
        if (v == null) {
            putAscii("null");
        } else if (v instanceof String s) {
            writeString(s);
        } else if (v instanceof JsonNumber n) {
            putAscii(validNumber(n.text()));
        } else if (v instanceof Boolean b) {
            putAscii(b ? "true" : "false");
        } else if (v instanceof Double d) {
            putAscii(GoFloat.json(d));
        } else if (v instanceof Float f) {
            putAscii(GoFloat.json(f));
        } else if (v instanceof BigDecimal bd) {
            putAscii(bd.toPlainString());
        } else if (v instanceof Number num) {
            putAscii(num.toString());
        } else if (v instanceof byte[] bytes) {
            // Go encodes []byte as base64 text.
            writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof Enum<?> e) {
            writeString(e.name());
        } else {
            writeString(String.valueOf(v));
        }
    }

    /** Mirrors Go's json.Number checks: empty means 0, anything else must be JSON syntax. */
    static String validNumber(String s) {
        if (s.isEmpty()) {
            return "0";
        }
        if (!isValidNumber(s)) {
            throw new IllegalArgumentException("json: invalid number literal " + GoQuote.quote(s));
        }
        return s;
    }

    static boolean isValidNumber(String s) {
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == '-') {
            i++;
            if (i == n) {
                return false;
            }
        }
        char c = s.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (n - i >= 2 && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
            i += 2;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (n - i >= 2 && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                i++;
                if (i == n) {
                    return false;
                }
            }
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII characters Go escapes (controls, quote, backslash and the HTML-sensitive ones). */
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        for (char c : new char[] {'"', '\\', '<', '>', '&'}) {
            ESCAPED[c] = true;
        }
    }

    @SuppressWarnings("deprecation")
    void writeString(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        buf[len++] = '"';
        // most strings are plain ASCII: find that prefix, then copy it in one intrinsic call
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c >= 0x80 || ESCAPED[c]) {
                break;
            }
            plain++;
        }
        s.getBytes(0, plain, buf, len);
        len += plain;
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    buf[len++] = (byte) c;
                    continue;
                }
                ensure(6 + (n - i) * 3 + 1);
                switch (c) {
                    case '"', '\\' -> {
                        buf[len++] = '\\';
                        buf[len++] = (byte) c;
                    }
                    case '\b' -> escape('b');
                    case '\f' -> escape('f');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    default -> unicodeEscape(c);
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (c == '\u2028' || c == '\u2029') {
                // Valid JSON but breaks JavaScript parsers, hence Go escapes them.
                ensure(6 + (n - i) * 3 + 1);
                unicodeEscape(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    // A lone surrogate can only come from a lone surrogate escape, which Go decodes
                    // to U+FFFD before it ever gets re-encoded.
                    c = '\uFFFD';
                }
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buf[len++] = '"';
    }

    private void escape(char c) {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void putAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void ensure(int extra) {
        if (len + extra <= buf.length) {
            return;
        }
        if (out != null && len > 0) {
            flush();
            if (extra <= buf.length) {
                return;
            }
        }
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
}

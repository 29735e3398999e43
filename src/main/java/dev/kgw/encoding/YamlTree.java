package dev.kgw.encoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A port of the parts of goccy/go-yaml's AST that its encoder builds and prints. goccy lays out
 * YAML by rendering child nodes to strings and re-indenting them by column bookkeeping, and its
 * output (spacing of nested sequences, literal blocks) only comes out identical if that same
 * string surgery is repeated here.
 */
final class YamlTree {

    /** goccy's default indent. */
    static final int INDENT = 2;

    private YamlTree() {
    }

    abstract static class Node {
        abstract void addColumn(int col);

        abstract String string();
    }

    /** Null, bool and number scalars: printed as their text, position irrelevant. */
    static final class Plain extends Node {
        final String text;

        Plain(String text) {
            this.text = text;
        }

        @Override
        void addColumn(int col) {
            // printed without indentation
        }

        @Override
        String string() {
            return text;
        }
    }

    /** goccy's StringNode: already-quoted text, plain text, or a literal block for line breaks. */
    static final class Str extends Node {
        final String value;
        int column;

        Str(String value, int column) {
            this.value = value;
            this.column = column;
        }

        @Override
        void addColumn(int col) {
            column += col;
        }

        @Override
        String string() {
            String lbc = lineBreak(value);
            if (value.contains(lbc)) {
                String header = literalHeader(value, lbc);
                String space = " ".repeat(column - 1);
                String indent = " ".repeat(INDENT);
                String[] lines = value.split(Pattern.quote(lbc), -1);
                StringBuilder joined = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        joined.append(lbc);
                    }
                    joined.append(space).append(indent).append(lines[i]);
                }
                String block = trimSuffix(trimSuffix(joined.toString(), lbc + indent + space), indent + space);
                return header + lbc + block;
            }
            if (!value.isEmpty() && (value.charAt(0) == '{' || value.charAt(0) == '[')) {
                return "'" + value + "'";
            }
            return value;
        }

        private static String literalHeader(String value, String lbc) {
            if (value.endsWith(lbc + lbc)) {
                return "|+";
            }
            if (value.endsWith(lbc)) {
                return "|";
            }
            return "|-";
        }
    }

    /** goccy's DetectLineBreakCharacter, including its "\r\n" answer for text without breaks. */
    static String lineBreak(String s) {
        int nc = 0;
        int rc = 0;
        int rnc = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                nc++;
            } else if (c == '\r') {
                rc++;
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    rnc++;
                }
            }
        }
        if (nc == rnc && rc == rnc) {
            return "\r\n";
        }
        return rc > nc ? "\r" : "\n";
    }

    static final class Mapping extends Node {
        final List<Node[]> entries = new ArrayList<>(); // {key (Str), value}

        @Override
        void addColumn(int col) {
            for (Node[] e : entries) {
                e[0].addColumn(col);
                e[1].addColumn(col);
            }
        }

        @Override
        String string() {
            if (entries.isEmpty()) {
                return "{}";
            }
            StringBuilder sb = new StringBuilder();
            for (Node[] e : entries) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(entry((Str) e[0], e[1]));
            }
            return sb.toString();
        }

        private static String entry(Str key, Node value) {
            String space = " ".repeat(key.column - 1);
            if (value instanceof Plain || value instanceof Str) {
                String v = value.string();
                if (v.isEmpty()) {
                    return space + key.string() + ":";
                }
                return space + key.string() + ": " + v;
            }
            if (value instanceof Mapping m && m.entries.isEmpty()) {
                return space + key.string() + ": " + m.string();
            }
            if (value instanceof Sequence s && s.values.isEmpty()) {
                return space + key.string() + ": " + s.string();
            }
            return space + key.string() + ":\n" + value.string();
        }
    }

    static final class Sequence extends Node {
        final List<Node> values = new ArrayList<>();
        int column;

        Sequence(int column) {
            this.column = column;
        }

        @Override
        void addColumn(int col) {
            column += col;
            for (Node v : values) {
                v.addColumn(col);
            }
        }

        @Override
        String string() {
            if (values.isEmpty()) {
                return "[]";
            }
            String space = " ".repeat(column - 1);
            List<String> out = new ArrayList<>();
            for (Node value : values) {
                String valueStr = value.string();
                String newLinePrefix = "";
                if (valueStr.startsWith("\n")) {
                    valueStr = valueStr.substring(1);
                    newLinePrefix = "\n";
                }
                String[] lines = valueStr.split("\n", -1);
                String first = lines[0];
                String trimmedFirst = trimLeftSpaces(first);
                int diff = utf8Length(first) - utf8Length(trimmedFirst);
                if (lines.length > 1 && value instanceof Str) {
                    // Multi-line strings already carry their indent; drop it before re-indenting.
                    String prefix = space + "  ";
                    for (int i = 1; i < lines.length; i++) {
                        if (lines[i].startsWith(prefix)) {
                            lines[i] = lines[i].substring(prefix.length());
                        }
                    }
                }
                StringBuilder item = new StringBuilder(trimmedFirst);
                for (int i = 1; i < lines.length; i++) {
                    item.append('\n');
                    if (utf8Length(lines[i]) <= diff) {
                        continue;
                    }
                    item.append(space).append("  ").append(dropBytes(lines[i], diff));
                }
                out.add(newLinePrefix + space + "- " + item);
            }
            return String.join("\n", out);
        }
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String trimLeftSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    /** goccy measures with Go's len(), i.e. in UTF-8 bytes. */
    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Go's s[n:] on UTF-8 bytes. */
    private static String dropBytes(String s, int n) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new String(b, n, b.length - n, StandardCharsets.UTF_8);
    }
}

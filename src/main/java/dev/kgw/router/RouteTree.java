package dev.kgw.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table: like gin, one tree of path segments per method, so finding a route costs the depth of the
 * path, never the number of endpoints, and routes of different methods never conflict ({@code GET /c/{id}} and
 * {@code POST /c/{name}} live together). A segment is static text, a {@code {param}} (one whole segment) or a
 * trailing {@code *} catch-all. Static segments win over params, params over catch-alls; the search
 * backtracks, so {@code /x/search} and {@code /x/{id}} live together. Two params with different names at the
 * same place of one method's tree are a conflict, as in gin, reported as {@link RouteConflictException}
 * rather than a crash.
 */
public final class RouteTree<H> {
    private final Map<String, Node<H>> roots = new HashMap<>();

    /** Maps start small: with 10,000 endpoints most nodes have one child. */
    private static final class Node<H> {
        final Map<String, Node<H>> statics = new HashMap<>(2);
        /** Lower-cased static segments, for the case-fixing redirect. */
        final Map<String, List<String>> folded = new HashMap<>(2);
        Node<H> param;
        String paramName;
        String paramPattern;
        Node<H> catchAll;
        String catchAllName;
        H handler;
        String pattern;
    }

    /** A found route: its handler and raw (still percent-encoded) param values by name. */
    public record Match<H>(H handler, Map<String, String> params, String pattern) {}

    /** Registers {@code method path}; {@code {name}} segments are params, a final {@code *} a catch-all. */
    public void add(String method, String path, H handler) {
        if (!path.startsWith("/")) throw new RouteConflictException("path must start with '/': " + path);
        Node<H> n = roots.computeIfAbsent(method, m -> new Node<>());
        List<String> segs = segments(path);
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            if (s.equals("*") || (s.startsWith("*") && s.length() > 1)) {
                if (i != segs.size() - 1) throw new RouteConflictException("catch-all must be last in " + path);
                String name = s.length() > 1 ? s.substring(1) : "*";
                if (n.catchAll == null) {
                    n.catchAll = new Node<>();
                    n.catchAllName = name;
                }
                n = n.catchAll;
            } else if (s.length() > 2 && s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                if (n.param == null) {
                    n.param = new Node<>();
                    n.paramName = name;
                    n.paramPattern = path;
                } else if (!n.paramName.equals(name)) {
                    throw new RouteConflictException("'{" + name + "}' in new path '" + path
                            + "' conflicts with existing wildcard '{" + n.paramName + "}' in existing prefix '"
                            + n.paramPattern + "'");
                }
                n = n.param;
            } else {
                Node<H> child = n.statics.get(s);
                if (child == null) {
                    child = new Node<>();
                    n.statics.put(s, child);
                    n.folded.computeIfAbsent(s.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(s);
                }
                n = child;
            }
        }
        if (n.handler != null) {
            throw new RouteConflictException("handlers are already registered for path '" + path + "' and method "
                    + method + " (" + n.pattern + ")");
        }
        n.handler = handler;
        n.pattern = path;
    }

    /** The route for {@code method path}, or null. */
    public Match<H> find(String method, String path) {
        Node<H> root = roots.get(method);
        if (root == null) return null;
        Map<String, String> params = new LinkedHashMap<>(4);
        Node<H> n = walk(root, segments(path), 0, params);
        if (n == null) return null;
        return new Match<>(n.handler, params, n.pattern);
    }

    /** Methods that have a route for this exact path (for 405 answers): gin looks into every other tree. */
    public Set<String> allowed(String path) {
        Set<String> out = new TreeSet<>();
        List<String> segs = segments(path);
        roots.forEach((m, root) -> {
            if (walk(root, segs, 0, new HashMap<>()) != null) out.add(m);
        });
        return out;
    }

    /** gin's trailing-slash redirect: the same path with the final slash added or removed, if that one exists. */
    public String trailingSlashRedirect(String method, String path) {
        if (path.equals("/")) return null;
        String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        if (other.isEmpty()) return null;
        return find(method, other) != null ? other : null;
    }

    /** gin's fixed-path redirect: a cleaned, case-insensitive match (e.g. {@code /StAtic} → {@code /static}). */
    public String fixedPathRedirect(String method, String path) {
        String clean = PathCleaner.clean(path);
        List<String> segs = segments(clean);
        List<String> fixed = new ArrayList<>();
        Node<H> root = roots.get(method);
        if (root == null || !fold(root, segs, 0, fixed)) return null;
        String result = "/" + String.join("/", fixed);
        return result.equals(path) ? null : result;
    }

    private boolean fold(Node<H> n, List<String> segs, int i, List<String> out) {
        if (i == segs.size()) return n.handler != null;
        String s = segs.get(i);
        for (String candidate : n.folded.getOrDefault(s.toLowerCase(Locale.ROOT), List.of())) {
            out.add(candidate);
            if (fold(n.statics.get(candidate), segs, i + 1, out)) return true;
            out.remove(out.size() - 1);
        }
        if (n.param != null && !s.isEmpty()) {
            out.add(s);
            if (fold(n.param, segs, i + 1, out)) return true;
            out.remove(out.size() - 1);
        }
        if (n.catchAll != null && n.catchAll.handler != null) {
            out.addAll(segs.subList(i, segs.size()));
            return true;
        }
        return false;
    }

    private Node<H> walk(Node<H> n, List<String> segs, int i, Map<String, String> params) {
        if (i == segs.size()) return n.handler != null ? n : null;
        String s = segs.get(i);
        Node<H> child = n.statics.get(s);
        if (child != null) {
            Node<H> found = walk(child, segs, i + 1, params);
            if (found != null) return found;
        }
        if (n.param != null && !s.isEmpty()) {
            params.put(n.paramName, s);
            Node<H> found = walk(n.param, segs, i + 1, params);
            if (found != null) return found;
            params.remove(n.paramName);
        }
        if (n.catchAll != null && n.catchAll.handler != null) {
            params.put(n.catchAllName, "/" + String.join("/", segs.subList(i, segs.size())));
            return n.catchAll;
        }
        return null;
    }

    /** "/a/b/" → [a, b, ""]; "/" → [""]; so a trailing slash is a route of its own, as in gin. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>(8);
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                out.add(path.substring(start, i));
                start = i + 1;
            }
        }
        if (out.isEmpty()) out.add("");
        return out;
    }
}

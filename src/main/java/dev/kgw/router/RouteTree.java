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
 * The route table: a tree of path segments, so finding a route costs the depth of the path, never the number
 * of endpoints. A segment is static text, a {@code {param}} (one whole segment) or a trailing {@code *}
 * catch-all. Static segments win over params, params over catch-alls; the search backtracks, so
 * {@code /x/search} and {@code /x/{id}} live together. Two params with different names at the same place are a
 * conflict, as in gin, reported as {@link RouteConflictException} rather than a crash.
 */
public final class RouteTree<H> {
    private final Node<H> root = new Node<>();
    private final Set<String> methods = new TreeSet<>();

    /** Maps start small: with 10,000 endpoints most nodes have one child and one method. */
    private static final class Node<H> {
        final Map<String, Node<H>> statics = new HashMap<>(2);
        /** Lower-cased static segments, for the case-fixing redirect. */
        final Map<String, List<String>> folded = new HashMap<>(2);
        Node<H> param;
        String paramName;
        String paramPattern;
        Node<H> catchAll;
        String catchAllName;
        final Map<String, H> handlers = new HashMap<>(2);
        final Map<String, String> patterns = new HashMap<>(2);
    }

    /** A found route: its handler and raw (still percent-encoded) param values by name. */
    public record Match<H>(H handler, Map<String, String> params, String pattern) {}

    /** Registers {@code method path}; {@code {name}} segments are params, a final {@code *} a catch-all. */
    public void add(String method, String path, H handler) {
        if (!path.startsWith("/")) throw new RouteConflictException("path must start with '/': " + path);
        Node<H> n = root;
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
        if (n.handlers.containsKey(method)) {
            throw new RouteConflictException("handlers are already registered for path '" + path + "' and method "
                    + method + " (" + n.patterns.get(method) + ")");
        }
        n.handlers.put(method, handler);
        n.patterns.put(method, path);
        methods.add(method);
    }

    /** The route for {@code method path}, or null. */
    public Match<H> find(String method, String path) {
        Map<String, String> params = new LinkedHashMap<>(4);
        Node<H> n = walk(root, segments(path), 0, params, method);
        if (n == null) return null;
        return new Match<>(n.handlers.get(method), params, n.patterns.get(method));
    }

    /** Methods that have a route for this exact path (for 405 answers). */
    public Set<String> allowed(String path) {
        Set<String> out = new TreeSet<>();
        for (String m : methods) if (walk(root, segments(path), 0, new HashMap<>(), m) != null) out.add(m);
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
        if (!fold(root, segs, 0, fixed, method)) return null;
        String result = "/" + String.join("/", fixed);
        return result.equals(path) ? null : result;
    }

    private boolean fold(Node<H> n, List<String> segs, int i, List<String> out, String method) {
        if (i == segs.size()) return n.handlers.containsKey(method);
        String s = segs.get(i);
        for (String candidate : n.folded.getOrDefault(s.toLowerCase(Locale.ROOT), List.of())) {
            out.add(candidate);
            if (fold(n.statics.get(candidate), segs, i + 1, out, method)) return true;
            out.remove(out.size() - 1);
        }
        if (n.param != null && !s.isEmpty()) {
            out.add(s);
            if (fold(n.param, segs, i + 1, out, method)) return true;
            out.remove(out.size() - 1);
        }
        if (n.catchAll != null && n.catchAll.handlers.containsKey(method)) {
            out.addAll(segs.subList(i, segs.size()));
            return true;
        }
        return false;
    }

    private Node<H> walk(Node<H> n, List<String> segs, int i, Map<String, String> params, String method) {
        if (i == segs.size()) return n.handlers.containsKey(method) ? n : null;
        String s = segs.get(i);
        Node<H> child = n.statics.get(s);
        if (child != null) {
            Node<H> found = walk(child, segs, i + 1, params, method);
            if (found != null) return found;
        }
        if (n.param != null && !s.isEmpty()) {
            params.put(n.paramName, s);
            Node<H> found = walk(n.param, segs, i + 1, params, method);
            if (found != null) return found;
            params.remove(n.paramName);
        }
        if (n.catchAll != null && n.catchAll.handlers.containsKey(method)) {
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

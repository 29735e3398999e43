package dev.kgw.proxy.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-request working copy of a response for {@link FlatmapFilter}.
 *
 * <p>lura runs flatmap operations on the edge-list tree of {@code github.com/krakend/flatmap/tree},
 * and several observable KrakenD behaviours only exist because of that representation, so this
 * class reproduces it rather than editing maps and lists in place:
 * <ul>
 *   <li>array elements are edges labelled by their <em>original</em> index, so after deleting
 *       {@code a.0} the remaining first element is still addressed as {@code a.1};</li>
 *   <li>an object or array emptied by an operation turns into {@code null} (only containers that
 *       were already empty in the input stay {@code {}} / {@code []});</li>
 *   <li>{@code *} matches the children of objects as well as of arrays;</li>
 *   <li>a relabelled edge may duplicate an existing label; in objects the later edge wins.</li>
 * </ul>
 * Instances are confined to one request, hence no synchronisation.
 */
final class FlatTree {

    static final String WILDCARD = "*";

    private static final class Edge {
        String label;
        final Node node;

        Edge(String label, Node node) {
            this.label = label;
            this.node = node;
        }
    }

    private static final class Node {
        // Only meaningful while the node has no edges: scalars, nulls and containers that were empty.
        Object value;
        boolean collection;
        final ArrayList<Edge> edges = new ArrayList<>(4);

        Edge find(String label) {
            for (Edge e : edges) {
                if (e.label.equals(label)) {
                    return e;
                }
            }
            return null;
        }

        void add(String[] path, int i, Object v) {
            if (i == path.length) {
                flatten(v);
                return;
            }
            Edge e = find(path[i]);
            if (e == null) {
                e = new Edge(path[i], new Node());
                edges.add(e);
            }
            e.node.add(path, i + 1, v);
        }

        void flatten(Object v) {
            if (v instanceof Map<?, ?> m) {
                collection = false;
                if (m.isEmpty()) {
                    value = new LinkedHashMap<String, Object>();
                    return;
                }
                // Keys of one map are unique, so a node without edges can skip the label lookup;
                // re-flattening onto existing edges (append) must merge like the Go code does.
                boolean fresh = edges.isEmpty();
                for (Map.Entry<?, ?> en : m.entrySet()) {
                    addChild(String.valueOf(en.getKey()), en.getValue(), fresh);
                }
            } else if (v instanceof List<?> l) {
                collection = true;
                if (l.isEmpty()) {
                    value = new ArrayList<Object>();
                    return;
                }
                boolean fresh = edges.isEmpty();
                int i = 0;
                for (Object item : l) {
                    addChild(Integer.toString(i++), item, fresh);
                }
            } else {
                collection = false;
                value = v;
            }
        }

        private void addChild(String label, Object v, boolean fresh) {
            Edge e = fresh ? null : find(label);
            if (e == null) {
                e = new Edge(label, new Node());
                edges.add(e);
            }
            e.node.flatten(v);
        }

        Object get(String[] path, int i) {
            if (edges.isEmpty() && i < path.length) {
                return null;
            }
            if (i == path.length) {
                return expand();
            }
            if (WILDCARD.equals(path[i])) {
                List<Object> res = new ArrayList<>(edges.size());
                for (Edge e : edges) {
                    res.add(e.node.get(path, i + 1));
                }
                return res;
            }
            Edge e = find(path[i]);
            return e == null ? null : e.node.get(path, i + 1);
        }

        Object expand() {
            if (edges.isEmpty()) {
                return value;
            }
            if (collection) {
                List<Object> res = new ArrayList<>(edges.size());
                for (Edge e : edges) {
                    res.add(e.node.expand());
                }
                return res;
            }
            Map<String, Object> res = new LinkedHashMap<>(Math.max(4, edges.size() * 4 / 3 + 1));
            for (Edge e : edges) {
                res.put(e.label, e.node.expand());
            }
            return res;
        }

        void del(String[] path, int i) {
            if (i == path.length || edges.isEmpty()) {
                return;
            }
            boolean last = i + 1 == path.length;
            if (WILDCARD.equals(path[i])) {
                if (last) {
                    edges.clear();
                } else {
                    for (Edge e : edges) {
                        e.node.del(path, i + 1);
                    }
                }
                return;
            }
            for (int idx = 0; idx < edges.size(); idx++) {
                Edge e = edges.get(idx);
                if (e.label.equals(path[i])) {
                    if (last) {
                        edges.remove(idx);
                    } else {
                        e.node.del(path, i + 1);
                    }
                    return;
                }
            }
        }
    }

    private record Candidate(Node node, String[] path) {
    }

    private record Detached(Candidate parent, Edge edge) {
    }

    private final Node root = new Node();

    FlatTree(Map<String, Object> data) {
        root.flatten(data);
    }

    /** The rebuilt response, or {@code null} when every top-level key was removed (lura: nil map). */
    @SuppressWarnings("unchecked")
    Map<String, Object> result() {
        return root.expand() instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    Object get(String[] path) {
        return root.get(path, 0);
    }

    void del(String[] path) {
        root.del(path, 0);
    }

    /** Appends the array at {@code src} to the array at {@code dst}; a no-op unless both are arrays. */
    void append(String[] src, String[] dst) {
        if (!(root.get(src, 0) instanceof List<?> tail)) {
            return;
        }
        if (!(root.get(dst, 0) instanceof List<?> head)) {
            return;
        }
        List<Object> merged = new ArrayList<>(head.size() + tail.size());
        merged.addAll(head);
        merged.addAll(tail);
        // Re-flattened onto the existing dst node, i.e. merged by index label, as in the Go tree.
        root.add(dst, 0, merged);
        root.del(src, 0);
    }

    /**
     * Moves the edges matching {@code src}. Like the Go tree, the outcome depends only on the
     * relative lengths: same length relabels in place (only the last dst segment is used), a
     * shorter dst promotes towards the root, a longer one nests below the source's parent (only
     * the dst segments beyond the source parent's depth are used).
     */
    void move(String[] src, String[] dst) {
        int prefixLen = src.length;
        List<Candidate> parents = new ArrayList<>();
        parents.add(new Candidate(root, new String[0]));
        if (prefixLen > 1) {
            parents = collectParents(src, prefixLen - 1, parents);
        }

        String srcLast = src[prefixLen - 1];
        String dstLast = dst[dst.length - 1];
        boolean relabel = prefixLen == dst.length;
        List<Detached> detached = new ArrayList<>();
        for (Candidate c : parents) {
            List<Edge> edges = c.node.edges;
            for (int i = 0; i < edges.size(); i++) {
                Edge e = edges.get(i);
                if (!e.label.equals(srcLast)) {
                    continue;
                }
                if (relabel) {
                    e.label = dstLast;
                } else {
                    detached.add(new Detached(c, e));
                    edges.remove(i);
                }
                break;
            }
        }
        if (relabel) {
            return;
        }
        if (prefixLen > dst.length) {
            promote(detached, dst);
        } else {
            embed(detached, dst, prefixLen - 1);
        }
    }

    private static List<Candidate> collectParents(String[] src, int depth, List<Candidate> next) {
        for (int s = 0; s < depth; s++) {
            String step = src[s];
            List<Candidate> acc = new ArrayList<>();
            for (Candidate c : next) {
                for (Edge e : c.node.edges) {
                    if (WILDCARD.equals(step) || step.equals(e.label)) {
                        acc.add(new Candidate(e.node, append(c.path, e.label)));
                        if (!WILDCARD.equals(step)) {
                            break;
                        }
                    }
                }
            }
            next = acc;
        }
        return next;
    }

    private void promote(List<Detached> detached, String[] dst) {
        for (Detached d : detached) {
            Node parent = root;
            for (int i = 0; i < dst.length - 1; i++) {
                // a wildcard in dst re-uses the label the source matched at the same depth
                String label = WILDCARD.equals(dst[i]) ? d.parent.path[i] : dst[i];
                Edge e = parent.find(label);
                if (e == null) {
                    // lura attaches at the deepest existing ancestor instead of creating the path
                    break;
                }
                parent = e.node;
            }
            d.edge.label = dst[dst.length - 1];
            parent.edges.add(d.edge);
        }
    }

    private static void embed(List<Detached> detached, String[] dst, int from) {
        for (Detached d : detached) {
            Node parent = d.parent.node;
            for (int i = from; i < dst.length - 1; i++) {
                Edge e = parent.find(dst[i]);
                if (e == null) {
                    e = new Edge(dst[i], new Node());
                    parent.edges.add(e);
                }
                parent = e.node;
            }
            d.edge.label = dst[dst.length - 1];
            parent.edges.add(d.edge);
        }
    }

    private static String[] append(String[] path, String label) {
        String[] res = new String[path.length + 1];
        System.arraycopy(path, 0, res, 0, path.length);
        res[path.length] = label;
        return res;
    }
}

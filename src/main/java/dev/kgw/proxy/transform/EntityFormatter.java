package dev.kgw.proxy.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-backend response formatter with lura's {@code EntityFormatter} semantics: {@code target} →
 * {@code allow} (or, if allow is empty, {@code deny}) → {@code mapping} → {@code group}. When the
 * backend declares a {@code flatmap_filter}, lura replaces allow/deny/mapping with the flatmap
 * operations, giving {@code target} → flatmap → {@code group}.
 *
 * <p>The configuration is compiled once into a chain containing only the steps that are actually
 * configured, so the per-request path never re-checks config and an unconfigured backend costs a
 * single identity call.
 *
 * <p>Mutation contract: {@link #format} may modify the map passed in (and maps nested in it) and
 * may return that map, a map nested inside it, or a new map. Callers must own the data and must
 * use the returned value. Instances are immutable and thread-safe.
 */
public final class EntityFormatter {

    @FunctionalInterface
    private interface Step {
        Map<String, Object> apply(Map<String, Object> data);
    }

    private static final EntityFormatter IDENTITY = new EntityFormatter(d -> d, true);

    // Marks a deny-tree node whose whole subtree goes, so deeper entries for it are moot.
    private static final Object DELETE = new Object();

    private final Step chain;
    private final boolean identity;

    private EntityFormatter(Step chain, boolean identity) {
        this.chain = chain;
        this.identity = identity;
    }

    /** The formatter of a backend that configures none of the formatting options. */
    public static EntityFormatter identity() {
        return IDENTITY;
    }

    public static EntityFormatter of(String target, List<String> allow, List<String> deny,
                                     Map<String, String> mapping, String group) {
        return of(target, allow, deny, mapping, group, (FlatmapFilter) null);
    }

    /**
     * @param target     dot path of the object to extract, or empty/null for none
     * @param allow      dot paths to keep (object keys only, never array elements); wins over deny
     * @param deny       dot paths to remove; ignored when allow is non-empty
     * @param mapping    top-level key renames; the new name is cut at its first {@code .}
     * @param group      key to wrap the result in, or empty/null for none
     * @param flatmapOps the backend's {@code flatmap_filter}, nullable; when non-empty it replaces
     *                   allow, deny and mapping, exactly as in lura
     * @throws IllegalArgumentException on invalid flatmap operations or null list/map entries
     */
    public static EntityFormatter of(String target, List<String> allow, List<String> deny,
                                     Map<String, String> mapping, String group,
                                     List<FlatmapFilter.Op> flatmapOps) {
        FlatmapFilter flatmap = flatmapOps == null || flatmapOps.isEmpty() ? null : new FlatmapFilter(flatmapOps);
        return of(target, allow, deny, mapping, group, flatmap);
    }

    /**
     * Same as the {@code List<FlatmapFilter.Op>} variant, for an already validated filter
     * (nullable; a filter without operations counts as absent, as an empty list does in lura).
     */
    public static EntityFormatter of(String target, List<String> allow, List<String> deny,
                                     Map<String, String> mapping, String group,
                                     FlatmapFilter flatmap) {
        List<Step> steps = new ArrayList<>(4);
        if (target != null && !target.isEmpty()) {
            steps.add(targetStep(DotPaths.split(target)));
        }
        if (flatmap != null && !flatmap.isEmpty()) {
            steps.add(flatmap::apply);
        } else {
            if (allow != null && !allow.isEmpty()) {
                steps.add(allowStep(allow));
            } else if (deny != null && !deny.isEmpty()) {
                steps.add(denyStep(deny));
            }
            if (mapping != null && !mapping.isEmpty()) {
                steps.add(mappingStep(mapping));
            }
        }
        if (group != null && !group.isEmpty()) {
            steps.add(data -> {
                Map<String, Object> wrapped = new LinkedHashMap<>(2);
                wrapped.put(group, data);
                return wrapped;
            });
        }
        if (steps.isEmpty()) {
            return IDENTITY;
        }
        Step chain = steps.get(0);
        for (int i = 1; i < steps.size(); i++) {
            Step first = chain;
            Step then = steps.get(i);
            chain = data -> then.apply(first.apply(data));
        }
        return new EntityFormatter(chain, false);
    }

    /** See the class comment for the mutation contract. */
    public Map<String, Object> format(Map<String, Object> data) {
        return chain.apply(data);
    }

    /** True when {@link #format} returns its argument untouched, so callers may skip it. */
    public boolean isIdentity() {
        return identity;
    }

    // --- target ---------------------------------------------------------------------------

    private static Step targetStep(String[] path) {
        return data -> {
            Map<String, Object> current = data;
            for (String part : path) {
                Object next = current == null ? null : current.get(part);
                if (!(next instanceof Map<?, ?>)) {
                    // lura: a missing or non-object target yields an empty response, not an error
                    return new LinkedHashMap<>();
                }
                current = cast(next);
            }
            return current;
        };
    }

    // --- allow ----------------------------------------------------------------------------

    private static Step allowStep(List<String> allow) {
        Map<String, Object> tree = new HashMap<>();
        for (String path : allow) {
            requireNonNull(path, "allow entry");
            String[] fields = DotPaths.split(path);
            // Same build order as lura: a later "a.b" narrows an earlier "a" (its leaf is replaced
            // by a subtree), while a later "a" widens an earlier "a.b" back to the whole branch.
            Map<String, Object> node = tree;
            int i = 0;
            for (; i < fields.length - 1 && node.get(fields[i]) instanceof Map<?, ?> m; i++) {
                node = cast(m);
            }
            for (; i < fields.length - 1; i++) {
                Map<String, Object> child = new HashMap<>();
                node.put(fields[i], child);
                node = child;
            }
            node.put(fields[fields.length - 1], Boolean.TRUE);
        }
        return data -> {
            if (data != null && !data.isEmpty()) {
                prune(tree, data);
            }
            return data;
        };
    }

    /** Returns true when nothing of {@code in} survived, so the parent drops the whole branch. */
    private static boolean prune(Map<String, Object> allowed, Map<String, Object> in) {
        boolean emptied = true;
        for (Iterator<Map.Entry<String, Object>> it = in.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> entry = it.next();
            Object rule = allowed.get(entry.getKey());
            boolean keep;
            if (rule == null) {
                keep = false;
            } else if (rule instanceof Map<?, ?> subRule) {
                // only objects are descended into; an array or scalar under a partial rule is dropped,
                // and so is an object none of whose allowed children exist
                keep = entry.getValue() instanceof Map<?, ?> subIn && !prune(cast(subRule), cast(subIn));
            } else {
                keep = true;
            }
            if (keep) {
                emptied = false;
            } else {
                it.remove();
            }
        }
        return emptied;
    }

    // --- deny -----------------------------------------------------------------------------

    private static Step denyStep(List<String> deny) {
        Map<String, Object> tree = new HashMap<>();
        for (String path : deny) {
            requireNonNull(path, "deny entry");
            addDenyPath(tree, DotPaths.split(path), 0);
        }
        return data -> {
            if (data != null && !data.isEmpty()) {
                removeDenied(tree, data);
            }
            return data;
        };
    }

    private static void addDenyPath(Map<String, Object> tree, String[] path, int i) {
        String key = path[i];
        if (i == path.length - 1) {
            tree.put(key, DELETE);
            return;
        }
        Object existing = tree.get(key);
        if (existing == DELETE) {
            return;
        }
        Map<String, Object> child;
        if (existing == null) {
            child = new HashMap<>();
            tree.put(key, child);
        } else {
            child = cast(existing);
        }
        addDenyPath(child, path, i + 1);
    }

    private static void removeDenied(Map<String, Object> tree, Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> data = cast(raw);
        for (Map.Entry<String, Object> rule : tree.entrySet()) {
            if (!data.containsKey(rule.getKey())) {
                continue;
            }
            if (rule.getValue() == DELETE) {
                data.remove(rule.getKey());
            } else {
                removeDenied(cast(rule.getValue()), data.get(rule.getKey()));
            }
        }
    }

    // --- mapping --------------------------------------------------------------------------

    private static Step mappingStep(Map<String, String> mapping) {
        int n = mapping.size();
        String[] from = new String[n];
        String[] to = new String[n];
        int i = 0;
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            requireNonNull(e.getKey(), "mapping key");
            requireNonNull(e.getValue(), "mapping for '" + e.getKey() + "'");
            from[i] = e.getKey();
            // lura renames top-level keys only: a dotted new name is cut at its first dot
            int dot = e.getValue().indexOf('.');
            to[i] = dot < 0 ? e.getValue() : e.getValue().substring(0, dot);
            i++;
        }
        return data -> {
            if (data == null || data.isEmpty()) {
                return data;
            }
            for (int k = 0; k < n; k++) {
                if (data.containsKey(from[k])) {
                    // put-then-remove like lura: a rename onto the same name therefore drops the key
                    Object v = data.get(from[k]);
                    data.put(to[k], v);
                    data.remove(from[k]);
                }
            }
            return data;
        };
    }

    // --- helpers --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static void requireNonNull(Object o, String what) {
        if (o == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
    }
}

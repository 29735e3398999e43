package dev.kgw.proxy.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KrakenD's {@code proxy.flatmap_filter}: an ordered list of {@code move} / {@code del} /
 * {@code append} operations over dot paths where {@code *} matches every element of an array (or
 * every key of an object) and numeric segments address array elements.
 *
 * <p>Semantics follow lura, whose operations run on a decomposed tree (see {@link FlatTree} for
 * the consequences): missing paths are silently ignored, {@code *} over a scalar matches nothing,
 * {@code append} only acts when both paths hold arrays and then removes the source, and
 * {@code move} behaves by path length (same length: rename the last segment in place; shorter
 * destination: lift towards the root; longer: nest below the source's parent).
 *
 * <p>Configuration is validated up front (lura silently skips or panics on malformed operations;
 * KrakenD's schema rejects them), so a bad operation fails at start-up with
 * {@link IllegalArgumentException}. Instances are immutable and thread-safe.
 */
public final class FlatmapFilter {

    /** One configured operation, as written in the {@code flatmap_filter} array. */
    public record Op(String type, List<String> args) {
        public Op {
            args = args == null ? null : Collections.unmodifiableList(new ArrayList<>(args));
        }

        public static Op of(String type, String... args) {
            return new Op(type, List.of(args));
        }
    }

    private enum Kind { MOVE, DEL, APPEND }

    private record Compiled(Kind kind, String[][] paths) {
    }

    private final List<Op> ops;
    private final Compiled[] compiled;

    /**
     * @throws IllegalArgumentException for an unknown type, a missing/non-string arg, or a wrong
     *     number of args ({@code move} and {@code append} take exactly 2, {@code del} at least 1)
     */
    public FlatmapFilter(List<Op> ops) {
        Objects.requireNonNull(ops, "flatmap_filter operations");
        this.ops = List.copyOf(ops);
        this.compiled = new Compiled[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            compiled[i] = compile(i, ops.get(i));
        }
    }

    /**
     * Builds a filter from the raw decoded config value of {@code flatmap_filter} (a list of
     * objects with {@code type} and {@code args}).
     */
    public static FlatmapFilter fromConfig(Object raw) {
        return new FlatmapFilter(parseOps(raw));
    }

    /** Parses the raw decoded {@code flatmap_filter} value; throws IllegalArgumentException if malformed. */
    public static List<Op> parseOps(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("flatmap_filter must be an array of operations, got "
                    + describe(raw));
        }
        List<Op> res = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("flatmap_filter operation #" + i
                        + " must be an object with 'type' and 'args', got " + describe(list.get(i)));
            }
            if (!(m.get("type") instanceof String type)) {
                throw new IllegalArgumentException("flatmap_filter operation #" + i
                        + ": 'type' must be a string, got " + describe(m.get("type")));
            }
            if (!(m.get("args") instanceof List<?> rawArgs)) {
                throw new IllegalArgumentException("flatmap_filter operation #" + i + " (" + type
                        + "): 'args' must be an array of strings, got " + describe(m.get("args")));
            }
            List<String> args = new ArrayList<>(rawArgs.size());
            for (Object a : rawArgs) {
                if (!(a instanceof String s)) {
                    throw new IllegalArgumentException("flatmap_filter operation #" + i + " (" + type
                            + "): every arg must be a string, got " + describe(a));
                }
                args.add(s);
            }
            res.add(new Op(type, args));
        }
        return res;
    }

    public List<Op> ops() {
        return ops;
    }

    /** True when there are no operations; lura then skips the flatmap stage entirely. */
    public boolean isEmpty() {
        return compiled.length == 0;
    }

    /**
     * Applies the operations. The input is never modified; the result is a freshly built map
     * (scalars are shared). With no operations the input itself is returned. {@code null} in gives
     * {@code null} out.
     *
     * <p>Divergence from lura: if the operations remove every top-level key, lura ends up with a
     * nil map (rendered as {@code null}); this returns an empty map so callers never see a null
     * response body.
     */
    public Map<String, Object> apply(Map<String, Object> data) {
        if (compiled.length == 0 || data == null) {
            return data;
        }
        FlatTree tree = new FlatTree(data);
        for (Compiled c : compiled) {
            switch (c.kind) {
                case MOVE -> tree.move(c.paths[0], c.paths[1]);
                case APPEND -> tree.append(c.paths[0], c.paths[1]);
                case DEL -> {
                    for (String[] p : c.paths) {
                        tree.del(p);
                    }
                }
            }
        }
        Map<String, Object> res = tree.result();
        return res == null ? new LinkedHashMap<>() : res;
    }

    private static Compiled compile(int index, Op op) {
        String where = "flatmap_filter operation #" + index;
        if (op == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        Kind kind;
        String type = op.type();
        if ("move".equals(type)) {
            kind = Kind.MOVE;
        } else if ("del".equals(type)) {
            kind = Kind.DEL;
        } else if ("append".equals(type)) {
            kind = Kind.APPEND;
        } else {
            throw new IllegalArgumentException(where + ": unknown type '" + type
                    + "' (expected one of: move, del, append)");
        }
        List<String> args = op.args();
        if (args == null) {
            throw new IllegalArgumentException(where + " (" + type + "): missing 'args'");
        }
        if (kind == Kind.DEL && args.isEmpty()) {
            throw new IllegalArgumentException(where + " (del): expects at least 1 arg (paths to delete), got 0");
        }
        if (kind != Kind.DEL && args.size() != 2) {
            throw new IllegalArgumentException(where + " (" + type
                    + "): expects exactly 2 args (source, destination), got " + args.size());
        }
        String[][] paths = new String[args.size()][];
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null) {
                throw new IllegalArgumentException(where + " (" + type + "): arg #" + i + " is null");
            }
            paths[i] = DotPaths.split(a);
        }
        return new Compiled(kind, paths);
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }

    @Override
    public String toString() {
        return "FlatmapFilter" + ops;
    }
}

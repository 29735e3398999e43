package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed reads from one JSON object that remember the JSON path and which keys were used, so that wrong
 * types are errors with a path and unknown keys become warnings (with the closest known key when one is near).
 * OptionsParser parsers use it as it is; KrakenD's own structs are read by {@link WeakFields}.
 */
public class Fields {
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    /** Keys asked for: the known ones, for "did you mean". */
    private final Set<String> used = new HashSet<>();
    /** Keys of the object that were read, as spelt in the file. */
    private final Set<String> read = new HashSet<>();
    /** Keys asked for that the file spells otherwise. */
    private final Map<String, String> spelt = new HashMap<>(2);

    public Fields(JsonNode node, String path, Problems problems) {
        this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        this.path = path;
        this.problems = problems;
        if (!this.node.isObject()) problems.error(path, "must be an object, found " + kind(this.node));
    }

    /** The reader of a nested object: of the same kind as this one. */
    protected Fields child(JsonNode child, String childPath) { return new Fields(child, childPath, problems); }

    /** The key as spelt in the file, or null when absent. */
    protected String spelling(String key) { return node.isObject() && node.has(key) ? key : null; }

    protected final JsonNode node() { return node; }

    protected final boolean alreadyRead(String key) { return read.contains(key); }

    public String path() { return path; }

    /** The path of a key as it is spelt in the file. */
    public String path(String key) { return path + "." + spelt.getOrDefault(key, key); }

    public Problems problems() { return problems; }

    public boolean has(String key) {
        String k = spelling(key);
        return k != null && !node.get(k).isNull();
    }

    public JsonNode raw(String key) {
        used.add(key);
        String k = spelling(key);
        if (k == null) return null;
        read.add(k);
        if (!k.equals(key)) {
            spelt.put(key, k);
            problems.warn(path(key), "read as \"" + key + "\": KrakenD matches keys case-insensitively");
        }
        return node.get(k);
    }

    public String str(String key, String def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        if (!v.isTextual()) {
            if (v.isNumber() || v.isBoolean()) return v.asText();
            problems.error(path(key), "must be a string, found " + kind(v));
            return def;
        }
        return v.textValue();
    }

    public boolean bool(String key, boolean def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        problems.error(path(key), "must be a boolean, found " + kind(v));
        return def;
    }

    public int integer(String key, int def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        if (v.isIntegralNumber() && v.canConvertToInt()) return v.intValue();
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.textValue().trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.error(path(key), "must be an integer, found " + kind(v));
        return def;
    }

    public double number(String key, double def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        if (v.isNumber()) return v.doubleValue();
        problems.error(path(key), "must be a number, found " + kind(v));
        return def;
    }

    /** A Go duration string ({@code "1m30s"}); a bare number is taken as nanoseconds, as Go does. */
    public Duration duration(String key, Duration def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        if (v.isIntegralNumber()) {
            WeakDecoding.Coerced<Duration> nanos = WeakDecoding.duration(v);
            if (nanos.note() != null) problems.warn(path(key), nanos.note());
            return nanos.value();
        }
        if (!v.isTextual()) {
            problems.error(path(key), "must be a duration string such as \"1s\" or \"500ms\", found " + kind(v));
            return def;
        }
        try {
            return GoDuration.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            problems.error(path(key), e.getMessage());
            return def;
        }
    }

    public List<String> strings(String key) {
        return listOf(key, "a string", "strings", JsonNode::isTextual, JsonNode::textValue);
    }

    public List<Integer> integers(String key) {
        return listOf(key, "an integer", "integers", n -> n.isIntegralNumber() && n.canConvertToInt(),
                JsonNode::intValue);
    }

    private <T> List<T> listOf(String key, String one, String many, Predicate<JsonNode> fits,
                               Function<JsonNode, T> value) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            problems.error(path(key), "must be an array of " + many + ", found " + kind(v));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!fits.test(item)) {
                problems.error(path(key) + "[" + i + "]", "must be " + one + ", found " + kind(item));
                continue;
            }
            out.add(value.apply(item));
        }
        return List.copyOf(out);
    }

    public Map<String, String> stringMap(String key) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return Map.of();
        if (!v.isObject()) {
            problems.error(path(key), "must be an object of strings, found " + kind(v));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                problems.error(path(key) + "." + e.getKey(), "must be a string, found " + kind(e.getValue()));
                continue;
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return Map.copyOf(out);
    }

    /** Visits each element of an array field with its own {@link Fields}. */
    public void eachObject(String key, Consumer<Fields> visitor) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return;
        if (!v.isArray()) {
            problems.error(path(key), "must be an array, found " + kind(v));
            return;
        }
        for (int i = 0; i < v.size(); i++) visitor.accept(child(v.get(i), path(key) + "[" + i + "]"));
    }

    public Fields object(String key) {
        JsonNode v = raw(key);
        return child(v, path(key));
    }

    /** An object field, or null when absent or after an error. */
    public ObjectNode map(String key) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return null;
        if (v.isObject()) return (ObjectNode) v;
        problems.error(path(key), "must be an object, found " + kind(v));
        return null;
    }

    /** Warns about every key nobody read, except comment keys ({@code @ $ _ #}). */
    public void warnUnknown() {
        if (!(node instanceof ObjectNode obj)) return;
        obj.fieldNames().forEachRemaining(k -> {
            if (read.contains(k) || used.contains(k) || isComment(k)) return;
            problems.warn(path(k), "unknown key, ignored"
                    + ClosestName.among(k, used).map(known -> " (did you mean " + known + "?)").orElse(""));
        });
    }

    public static boolean isComment(String key) {
        return !key.isEmpty() && "@$_#".indexOf(key.charAt(0)) >= 0;
    }

    public static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isTextual()) return "string";
        if (v.isBoolean()) return "boolean";
        if (v.isNumber()) return "number";
        if (v.isArray()) return "array";
        return "object";
    }
}

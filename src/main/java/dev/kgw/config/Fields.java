package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Typed reads from one JSON object that remember the JSON path and which keys were used, so that wrong
 * types are errors with a path and unknown keys become warnings. Namespace parsers use it too.
 */
public final class Fields {
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> used = new HashSet<>();

    public Fields(JsonNode node, String path, Problems problems) {
        this.node = node == null || node.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : node;
        this.path = path;
        this.problems = problems;
        if (!this.node.isObject()) problems.error(path, "must be an object, found " + kind(this.node));
    }

    public String path() { return path; }

    public String path(String key) { return path + "." + key; }

    public Problems problems() { return problems; }

    public boolean has(String key) { return node.isObject() && node.has(key) && !node.get(key).isNull(); }

    public JsonNode raw(String key) {
        used.add(key);
        return node.isObject() ? node.get(key) : null;
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
        if (v.isIntegralNumber()) return Duration.ofNanos(v.longValue());
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
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            problems.error(path(key), "must be an array of strings, found " + kind(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) {
                problems.error(path(key) + "[" + i + "]", "must be a string, found " + kind(item));
                continue;
            }
            out.add(item.textValue());
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
        for (int i = 0; i < v.size(); i++) visitor.accept(new Fields(v.get(i), path(key) + "[" + i + "]", problems));
    }

    public Fields object(String key) {
        JsonNode v = raw(key);
        return new Fields(v, path(key), problems);
    }

    /** Warns about every key nobody read, except comment keys ({@code @ $ _ #}). */
    public void warnUnknown() {
        if (!(node instanceof ObjectNode obj)) return;
        obj.fieldNames().forEachRemaining(k -> {
            if (used.contains(k) || isComment(k)) return;
            problems.warn(path(k), "unknown key, ignored");
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

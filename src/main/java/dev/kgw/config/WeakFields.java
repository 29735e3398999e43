package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link Fields} for KrakenD's own structs (root, endpoint, backend, TLS), read as KrakenD's decoder reads them
 * (see {@link WeakDecoding}): keys match case-insensitively, scalars are coerced, a single value stands for a list
 * of one and a list of objects for one merged object. Every coercion is a warning naming the path, so nothing
 * changes meaning silently; what KrakenD refuses stays an error.
 */
final class WeakFields extends Fields {
    WeakFields(JsonNode node, String path, Problems problems) { super(node, path, problems); }

    @Override
    protected Fields child(JsonNode child, String childPath) { return new WeakFields(child, childPath, problems()); }

    /** mapstructure looks for the exact key first, then for one equal ignoring case. */
    @Override
    protected String spelling(String key) {
        String exact = super.spelling(key);
        if (exact != null || !node().isObject()) return exact;
        for (Iterator<String> it = node().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(key) && !alreadyRead(k)) return k;
        }
        return null;
    }

    @Override
    public String str(String key, String def) { return read(key, WeakDecoding::string, def); }

    @Override
    public boolean bool(String key, boolean def) { return read(key, WeakDecoding::bool, def); }

    @Override
    public Duration duration(String key, Duration def) { return read(key, WeakDecoding::duration, def); }

    @Override
    public int integer(String key, int def) {
        Integer v = toInt(path(key), read(key, WeakDecoding::integer, null));
        return v == null ? def : v;
    }

    @Override
    public List<Integer> integers(String key) {
        return listOf(key, (at, item) -> toInt(at, decode(at, item, WeakDecoding::integer)));
    }

    /** Each element decoded at its own path; those that do not decode are left out (and reported). */
    private <T> List<T> listOf(String key, BiFunction<String, JsonNode, T> element) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return List.of();
        List<T> out = new ArrayList<>();
        JsonNode items = asList(key, v);
        for (int i = 0; i < items.size(); i++) {
            T value = element.apply(path(key) + "[" + i + "]", items.get(i));
            if (value != null) out.add(value);
        }
        return List.copyOf(out);
    }

    private Integer toInt(String at, Long v) {
        if (v == null) return null;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            problems().error(at, v + " is out of range");
            return null;
        }
        return v.intValue();
    }

    @Override
    public List<String> strings(String key) {
        return listOf(key, (at, item) -> decode(at, item, WeakDecoding::string));
    }

    @Override
    public Map<String, String> stringMap(String key) {
        ObjectNode obj = map(key);
        if (obj == null) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> {
            String s = decode(path(key) + "." + e.getKey(), e.getValue(), WeakDecoding::string);
            if (s != null) out.put(e.getKey(), s);
        });
        return Map.copyOf(out);
    }

    @Override
    public void eachObject(String key, Consumer<Fields> visitor) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return;
        JsonNode items = asList(key, v);
        for (int i = 0; i < items.size(); i++) {
            String at = path(key) + "[" + i + "]";
            if (items.get(i).isNull()) {
                problems().error(at, "must be an object, found null"); // KrakenD would dereference nil here
                continue;
            }
            visitor.accept(child(items.get(i), at));
        }
    }

    /** mapstructure's weak map: an object as is, a list of objects merged into one (later keys win). */
    @Override
    public ObjectNode map(String key) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return null;
        if (v.isObject()) return (ObjectNode) v;
        if (!v.isArray()) {
            problems().error(path(key), "must be an object, found " + kind(v));
            return null;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                problems().error(path(key) + "[" + i + "]", "must be an object, found " + kind(v.get(i)));
                return null;
            }
            merged.setAll((ObjectNode) v.get(i));
        }
        problems().warn(path(key), (v.isEmpty() ? "[] (an empty list) is read as an empty object"
                : "a list of objects is read as one object with all their keys") + ", as KrakenD does");
        return merged;
    }

    /** mapstructure's weak slice: a list as is, an empty object as an empty list, anything else a list of one. */
    private JsonNode asList(String key, JsonNode v) {
        if (v.isArray()) return v;
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (v.isObject() && v.isEmpty()) {
            problems().warn(path(key), "{} (an empty object) is read as an empty list, as KrakenD does");
            return list;
        }
        problems().warn(path(key), (v.isObject() ? "an object is read as a list of that one object"
                : WeakDecoding.shown(v) + " is read as the list [" + v + "]") + ", as KrakenD does");
        return list.add(v);
    }

    private <T> T read(String key, Function<JsonNode, WeakDecoding.Coerced<T>> decoder, T def) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) return def;
        T value = decode(path(key), v, decoder);
        return value == null ? def : value;
    }

    /** The decoded value with its coercion reported as a warning; null after an error (reported too). */
    private <T> T decode(String at, JsonNode v, Function<JsonNode, WeakDecoding.Coerced<T>> decoder) {
        try {
            WeakDecoding.Coerced<T> c = decoder.apply(v);
            if (c.note() != null) problems().warn(at, c.note());
            return c.value();
        } catch (IllegalArgumentException e) {
            problems().error(at, e.getMessage());
            return null;
        }
    }
}

package dev.kgw.backend;

import dev.kgw.encoding.DecodeException;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.encoding.RssDecoder;
import dev.kgw.encoding.XmlDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A backend {@code encoding}: turns the upstream body into the map every later step works on. */
@FunctionalInterface
public interface Decoder {
    Map<String, Object> decode(byte[] body);

    /** KrakenD's decoder names; unknown names fall back to JSON, as in lura. */
    static Decoder forName(String encoding, boolean isCollection, JsonCodec json) {
        return switch (encoding) {
            case "safejson" -> body -> safe(json.decode(body));
            case "xml" -> new XmlDecoder()::decode;
            case "rss" -> new RssDecoder()::decode;
            case "string" -> body -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("content", new String(body, StandardCharsets.UTF_8));
                return m;
            };
            default -> isCollection ? body -> collection(json.decode(body)) : body -> object(json.decode(body));
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new DecodeException("json: cannot unmarshal " + kind(v) + " into Go value of type map[string]interface {}");
    }

    private static Map<String, Object> collection(Object v) {
        if (!(v instanceof List<?>)) {
            throw new DecodeException("json: cannot unmarshal " + kind(v) + " into Go value of type []interface {}");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collection", v);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> safe(Object v) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(v instanceof List<?> ? "collection" : "content", v);
        return out;
    }

    private static String kind(Object v) {
        if (v instanceof List<?>) return "array";
        if (v instanceof Map<?, ?>) return "object";
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "bool";
        if (v == null) return "null";
        return "number";
    }
}

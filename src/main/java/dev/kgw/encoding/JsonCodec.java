package dev.kgw.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON in and out with KrakenD's semantics: decoding keeps numbers as {@link JsonNumber} (Go's
 * UseNumber) and encoding reproduces {@code json.Marshal} byte for byte. Stateless apart from
 * the shared Jackson factory, so one instance can serve every request thread.
 */
public final class JsonCodec {

    private static final JsonCodec DEFAULT = new JsonCodec();

    /** Shared by every codec instance: Jackson factories are thread-safe and costly to build. */
    private static final JsonTreeReader READER = new JsonTreeReader();

    /** A shared instance; the codec holds no per-call state. */
    public static JsonCodec instance() {
        return DEFAULT;
    }

    /**
     * Decodes any JSON value: objects become LinkedHashMap, arrays ArrayList, numbers JsonNumber.
     *
     * @throws DecodeException on empty input, invalid JSON or trailing data
     */
    public Object decode(byte[] body) {
        return READER.read(body == null ? new byte[0] : body);
    }

    /** Reads the whole stream, then decodes it like {@link #decode(byte[])}. */
    public Object decode(InputStream body) {
        try {
            return decode(body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a body that must be a JSON object, as KrakenD's default "json" decoder does.
     * A literal {@code null} yields an empty map (Go leaves the map nil).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decodeObject(byte[] body) {
        Object v = decode(body);
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new DecodeException("json: cannot unmarshal " + goKind(v)
                + " into Go value of type map[string]interface {}");
    }

    private static String goKind(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof JsonNumber) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return "array";
    }

    /** Compact JSON exactly as Go's json.Marshal writes it. */
    public byte[] encode(Object value) {
        JsonWriter w = new JsonWriter(null);
        w.write(value);
        return w.toByteArray();
    }

    /** Streams the same bytes as {@link #encode(Object)}; does not close {@code out}. */
    public void encode(Object value, OutputStream out) {
        JsonWriter w = new JsonWriter(out);
        w.write(value);
        w.flush();
    }
}

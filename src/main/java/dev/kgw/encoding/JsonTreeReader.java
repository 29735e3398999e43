package dev.kgw.encoding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Map/List/String/JsonNumber tree straight from Jackson's token stream. An explicit
 * stack (not recursion) keeps the 10000-level nesting Go allows from blowing the thread stack.
 */
final class JsonTreeReader {

    /** Go's encoding/json refuses deeper documents with "exceeded max depth". */
    static final int MAX_DEPTH = 10_000;

    private final JsonFactory factory;

    JsonTreeReader() {
        // Go has no size limits, so lift Jackson's defensive defaults except for depth.
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .maxNameLength(Integer.MAX_VALUE)
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                // Backend keys are unbounded; interning them would leak into the string pool.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    Object read(byte[] body) {
        int start = JsonErrors.skipSpace(body, 0);
        if (start == body.length) {
            throw new DecodeException(JsonErrors.UNEXPECTED_END);
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            // Jackson silently skips a UTF-8 BOM; Go rejects it.
            throw new DecodeException("invalid character 'ï' looking for beginning of value");
        }
        try {
            return parse(body);
        } catch (JsonProcessingException e) {
            if (JsonErrors.isInvalidUtf8(e)) {
                // Go replaces broken UTF-8 with U+FFFD instead of failing; do the same and retry.
                byte[] repaired = Utf8Repair.repair(body);
                if (repaired != body) {
                    try {
                        return parse(repaired);
                    } catch (JsonProcessingException again) {
                        throw JsonErrors.translate(again);
                    } catch (IOException io) {
                        throw new DecodeException(io.getMessage(), io);
                    }
                }
            }
            throw JsonErrors.translate(e);
        } catch (IOException e) {
            throw new DecodeException(e.getMessage(), e);
        }
    }

    private Object parse(byte[] body) throws IOException {
        try (JsonParser p = factory.createParser(body)) {
            Object root = readValue(p);
            int end = (int) Math.min(p.currentLocation().getByteOffset(), body.length);
            int garbage = JsonErrors.skipSpace(body, Math.max(end, 0));
            if (garbage < body.length) {
                throw new DecodeException("invalid character " + JsonErrors.charAt(body, garbage)
                        + " after top-level value");
            }
            return root;
        }
    }

    private static Object readValue(JsonParser p) throws IOException {
        ArrayDeque<Object> open = new ArrayDeque<>();
        String key = null;
        Object root = null;
        JsonToken t = p.nextToken();
        while (true) {
            if (t == null) {
                throw new DecodeException(JsonErrors.UNEXPECTED_END);
            }
            Object value;
            switch (t) {
                case FIELD_NAME -> {
                    key = p.currentName();
                    t = p.nextToken();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    if (open.isEmpty()) {
                        return root;
                    }
                    t = p.nextToken();
                    continue;
                }
                case START_OBJECT -> value = new LinkedHashMap<String, Object>();
                case START_ARRAY -> value = new ArrayList<Object>();
                case VALUE_STRING -> value = p.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = new JsonNumber(p.getText());
                case VALUE_TRUE -> value = Boolean.TRUE;
                case VALUE_FALSE -> value = Boolean.FALSE;
                case VALUE_NULL -> value = null;
                default -> throw new DecodeException("unexpected JSON token " + t);
            }
            if (open.isEmpty()) {
                root = value;
            } else {
                attach(open.peek(), key, value);
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                open.push(value);
            } else if (open.isEmpty()) {
                return root;
            }
            t = p.nextToken();
        }
    }

    @SuppressWarnings("unchecked")
    private static void attach(Object container, String key, Object value) {
        // exact class, not instanceof Map: see JsonWriter.open on HotSpot's secondary-super cache
        if (container.getClass() == LinkedHashMap.class) {
            Map<String, Object> m = (Map<String, Object>) container;
            // Duplicate keys: Go keeps the last value, which put() also does.
            m.put(key, value);
        } else {
            ((List<Object>) container).add(value);
        }
    }
}

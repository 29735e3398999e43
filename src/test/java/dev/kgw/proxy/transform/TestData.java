package dev.kgw.proxy.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the decoded-JSON shapes the transforms operate on (mutable, like decoder output). */
final class TestData {

    private TestData() {
    }

    static Map<String, Object> m(Object... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of key/value arguments");
        }
        Map<String, Object> res = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            res.put((String) kv[i], kv[i + 1]);
        }
        return res;
    }

    static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> res = new LinkedHashMap<>();
            map.forEach((k, v) -> res.put((String) k, copy(v)));
            return (T) res;
        }
        if (value instanceof List<?> list) {
            List<Object> res = new ArrayList<>();
            list.forEach(v -> res.add(copy(v)));
            return (T) res;
        }
        return value;
    }
}

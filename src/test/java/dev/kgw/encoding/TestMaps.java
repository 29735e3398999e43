package dev.kgw.encoding;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps for the renderer tests, written as key, value, key, value... */
final class TestMaps {
    private TestMaps() {}

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

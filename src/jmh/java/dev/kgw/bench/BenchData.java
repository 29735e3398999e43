package dev.kgw.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic benchmark inputs (fixed seeds, no files), shared by the benchmarks of this package. */
final class BenchData {
    private BenchData() {}

    /**
     * An e-commerce order object of about {@code targetBytes} of compact JSON: a header of mixed scalars
     * (ids, amounts kept as number text, booleans, null, a string with escapes and non-ASCII), a nested
     * customer object, and a nested {@code items} array grown until the size is reached. The header is kept
     * under ~400 bytes so that even the 0.5 KB variant holds one array element.
     */
    static String order(int targetBytes) {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder(targetBytes + 512);
        sb.append("{\"id\":9876543210,\"status\":\"shipped\",\"currency\":\"EUR\",\"total\":")
                .append(rnd.nextInt(100_000)).append('.').append(10 + rnd.nextInt(90))
                .append(",\"paid\":true,\"gift\":false,\"coupon\":null,")
                .append("\"note\":\"Leave at the door \\\"please\\\" \\u2013 Gr\u00fc\u00dfe\\n\",")
                .append("\"customer\":{\"id\":").append(rnd.nextInt(1_000_000))
                .append(",\"name\":\"Jane Doe\",\"email\":\"jane.doe@example.com\",")
                .append("\"address\":{\"street\":\"1 Main St\",\"city\":\"Springfield\",\"zip\":\"12345\",")
                .append("\"geo\":{\"lat\":40.7128,\"lng\":-74.006}}},")
                .append("\"tags\":[\"priority\",\"eu\",\"b2c\"],\"items\":[");
        int tail = "]}".length();
        for (int i = 0; ; i++) {
            String item = item(rnd, i);
            // stop before overshooting, but always keep at least one item
            if (i > 0 && sb.length() + 1 + item.length() + tail > targetBytes) break;
            if (i > 0) sb.append(',');
            sb.append(item);
        }
        return sb.append("]}").toString();
    }

    private static String item(Random rnd, int i) {
        return "{\"sku\":\"SKU-" + (100000 + rnd.nextInt(900000)) + "\",\"name\":\"Product " + i
                + " \\/ size " + (char) ('S' + rnd.nextInt(3)) + "\",\"qty\":" + (1 + rnd.nextInt(5))
                + ",\"price\":" + rnd.nextInt(500) + "." + (10 + rnd.nextInt(90))
                + ",\"discounted\":" + rnd.nextBoolean()
                + ",\"attrs\":{\"color\":\"blue\",\"weight_g\":" + rnd.nextInt(2000) + "}}";
    }

    /** A copy of decoded JSON down to the leaves (maps and lists are new; strings and numbers are shared). */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, (int) (m.size() / 0.75f) + 1));
            for (Map.Entry<?, ?> e : m.entrySet()) out.put((String) e.getKey(), deepCopy(e.getValue()));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(deepCopy(o));
            return (T) out;
        }
        return value;
    }
}

package dev.kgw.bench;

import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.transform.EntityFormatter;
import dev.kgw.proxy.transform.FlatmapFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-backend response filters: {@code allow} (an {@link EntityFormatter}) and a {@code flatmap_filter}.
 * <p>
 * {@link EntityFormatter#format} prunes its argument in place, so each call needs a fresh copy of the input:
 * {@link #allow} therefore includes a deep copy of the 5 KB object, and {@link #copyBaseline} measures that
 * copy alone. The cost of the filter itself is {@code allow - copyBaseline} (time and B/op).
 * {@link FlatmapFilter#apply} never modifies its input, so {@link #flatmap} needs no copy.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilteringBenchmark {

    private Map<String, Object> order;
    private EntityFormatter allowFormatter;
    private Map<String, Object> collection;
    private FlatmapFilter flatmap;

    @Setup
    public void setup() {
        // An order as a shop backend returns it, decoded by the real codec (LinkedHashMap / ArrayList /
        // JsonNumber, as on the request path): ~20 top-level keys, nested objects, and a nested array of
        // line items that makes up most of the ~5 KB. The allow list keeps one top-level scalar, one leaf
        // two objects deep and the whole array, so the pruning walks both the kept and the dropped branches.
        byte[] json = BenchData.order(5 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        order = JsonCodec.instance().decodeObject(json);
        allowFormatter = EntityFormatter.of(null, List.of("id", "customer.address.city", "items"),
                null, null, null);
        Map<String, Object> check = allowFormatter.format(BenchData.deepCopy(order));
        if (check.size() != 3) throw new IllegalStateException("allow kept " + check.keySet());

        // KrakenD's wrapped array response ({"collection": [...]}) of 10 elements, with the documented
        // flatmap use: rename a field in every element and drop an internal one.
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", new dev.kgw.encoding.JsonNumber(Integer.toString(1000 + i)));
            e.put("path", "/collection/" + i);
            e.put("title", "Element number " + i);
            e.put("internal_id", "int-" + i);
            items.add(e);
        }
        collection = new LinkedHashMap<>();
        collection.put("collection", items);
        flatmap = new FlatmapFilter(List.of(
                FlatmapFilter.Op.of("move", "collection.*.path", "collection.*.url"),
                FlatmapFilter.Op.of("del", "collection.*.internal_id")));
        Map<String, Object> out = flatmap.apply(collection);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) out.get("collection")).get(0);
        if (!first.containsKey("url") || first.containsKey("path") || first.containsKey("internal_id")) {
            throw new IllegalStateException("flatmap gave " + first);
        }
    }

    /** Deep copy of the 5 KB object plus the allow filter over it. */
    @Benchmark
    public Map<String, Object> allow() {
        return allowFormatter.format(BenchData.deepCopy(order));
    }

    /** The deep copy alone: subtract it from {@link #allow}. */
    @Benchmark
    public Map<String, Object> copyBaseline() {
        return BenchData.deepCopy(order);
    }

    /** move + del over a 10-element collection; builds a new result, the input is untouched. */
    @Benchmark
    public Map<String, Object> flatmap() {
        return flatmap.apply(collection);
    }
}

package dev.kgw.bench;

import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JsonCodec}: decoding a backend body into maps (numbers kept as text) and encoding the response back
 * to Go-compatible bytes, for small, typical and large objects.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodingBenchmark {

    /** Target size of the compact JSON in bytes: 0.5 KB, 5 KB and 50 KB. */
    @Param({"512", "5120", "51200"})
    public int bytes;

    private final JsonCodec codec = JsonCodec.instance();
    private byte[] json;
    private Object decoded;

    @Setup
    public void setup() {
        // The same deterministic order object at three sizes (see BenchData.order): the mix of keys, nested
        // objects, escaped and non-ASCII strings, integers, decimals, booleans and null stays the same, only
        // the nested array grows, so the three sizes are comparable per byte.
        json = BenchData.order(bytes).getBytes(StandardCharsets.UTF_8);
        decoded = codec.decode(json);
        byte[] again = codec.encode(decoded);
        if (again.length < bytes * 8 / 10 || again.length > bytes) {
            throw new IllegalStateException("input is " + again.length + " bytes, wanted about " + bytes);
        }
    }

    @Benchmark
    public Object decode() {
        return codec.decode(json);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(decoded);
    }
}

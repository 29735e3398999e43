package dev.kgw.bench;

import dev.kgw.router.RouteTree;
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
 * {@link RouteTree#find} cost per request, on a small and a very large route table. The tree promises that the
 * cost depends on the path depth, not on the number of endpoints: both table sizes should be close.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    @Param({"10", "10000"})
    public int endpoints;

    private RouteTree<String> tree;
    private String hitPath;
    private String missPath;

    @Setup
    public void setup() {
        tree = new RouteTree<>();
        // A typical gateway config: per resource a collection (static), an item (one {param}) and an item
        // sub-collection (static after a param), all under one shared /api/v1 prefix, so the hot node
        // /api/v1 has `endpoints / 3` static children (a big HashMap at 10,000) and the search must also
        // descend through a {param} segment.
        for (int i = 0; i < endpoints; i++) {
            String path = switch (i % 3) {
                case 0 -> "/api/v1/resource" + (i / 3);
                case 1 -> "/api/v1/resource" + (i / 3) + "/{id}";
                default -> "/api/v1/resource" + (i / 3) + "/{id}/items";
            };
            tree.add("GET", path, path);
        }
        int mid = Math.max(0, (endpoints / 3) / 2);
        // Hit: a {param} route in the middle of the table, with a realistic numeric id.
        hitPath = "/api/v1/resource" + mid + "/12345";
        // Miss: a real prefix and param, then an unknown last segment, so the search goes all the way down
        // (static lookup, param, then a failed static lookup and backtracking) before giving up: the
        // expensive kind of 404, not one rejected at the first segment.
        missPath = "/api/v1/resource" + mid + "/12345/unknown";
        if (tree.find("GET", hitPath) == null) throw new IllegalStateException("hit path misses: " + hitPath);
        if (tree.find("GET", missPath) != null) throw new IllegalStateException("miss path hits: " + missPath);
    }

    @Benchmark
    public RouteTree.Match<String> findHit() {
        return tree.find("GET", hitPath);
    }

    @Benchmark
    public RouteTree.Match<String> findMiss() {
        return tree.find("GET", missPath);
    }
}

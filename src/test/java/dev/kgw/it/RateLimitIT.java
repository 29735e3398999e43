package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster-wide rate limit with a real Redis (Debian's {@code redis-server}): two nodes share one limit; with
 * Redis stopped they keep limiting, each on its own, without a single 5xx; with Redis back the shared limit
 * resumes by itself.
 */
class RateLimitIT {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void sharedLimitFallsBackToLocalAndRecovers() throws Exception {
        int redisPort = Nodes.freePort();
        Process redis = Nodes.startRedis(redisPort, dir.resolve("redis.log"));
        List<Gateway> nodes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try (TestBackend backend = new TestBackend()) {
            for (int i = 0; i < 2; i++) {
                int port = Nodes.freePort();
                Path cfg = dir.resolve("node" + i + ".json");
                // one file for both nodes but for the port (a CLI flag in a real cluster)
                Files.writeString(cfg, """
                    {"version": 3, "port": %d,
                     "extra_config": {"redis": {"connection_pools": [{"name": "shared", "address": "127.0.0.1:%d",
                                                                      "timeout": "20ms"}]}},
                     "endpoints": [{"endpoint": "/limited", "backend": [{"host": ["%s"], "url_pattern": "/user"}],
                       "extra_config": {"qos/ratelimit/router/redis": {"connection_pool": "shared",
                         "client_max_rate": 10, "client_capacity": 10, "every": "1m", "strategy": "header",
                         "key": "X-Client"}}}]}
                    """.formatted(port, redisPort, backend.url()));
                Gateway g = new Gateway(new ConfigParser(Namespaces.builtIn().registry()).load(cfg, Map.of()).config());
                g.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                nodes.add(g);
                ports.add(port);
            }
            Map<Integer, Integer> shared = burst(ports, "a", 30);
            assertEquals(Map.of(200, 10, 429, 20), shared, "10 per minute for client a across both nodes");

            redis.destroy();
            assertTrue(redis.waitFor(10, TimeUnit.SECONDS));
            Map<Integer, Integer> alone = burst(ports, "b", 30);
            assertEquals(Map.of(200, 20, 429, 10), alone, "without Redis each node allows its own 10, and no 5xx");

            redis = Nodes.startRedis(redisPort, dir.resolve("redis.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Map<Integer, Integer> again = Map.of();
            for (int k = 0; System.nanoTime() < deadline; k++) {
                again = burst(ports, "c" + k, 30);
                if (again.equals(Map.of(200, 10, 429, 20))) break;
                // while the nodes find Redis again a node can switch within one burst: each may allow up to 10 from
                // its own bucket before the switch and the two share 10 from Redis after it, so 10 to 30 allowed
                int allowed = again.getOrDefault(200, 0);
                assertTrue(again.keySet().stream().allMatch(c -> c == 200 || c == 429) && allowed >= 10 && allowed <= 30,
                        "only 200 and 429, between the shared and the local limit: " + again);
                Thread.sleep(100); // poll interval, bounded by the deadline
            }
            assertEquals(Map.of(200, 10, 429, 20), again, "the shared limit came back with Redis");
        } finally {
            for (Gateway g : nodes) g.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code n} requests of one client, alternating between the nodes; counts by status. */
    private Map<Integer, Integer> burst(List<Integer> ports, String clientKey, int n) throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(i % ports.size()) + "/limited"))
                    .header("X-Client", clientKey).build(), HttpResponse.BodyHandlers.ofString());
            counts.merge(r.statusCode(), 1, Integer::sum);
        }
        return counts;
    }
}

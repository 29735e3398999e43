package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stateless-cluster promise with a real HAProxy (Debian's {@code haproxy}, installed by {@code ./test.sh}):
 * three nodes from one file behind it, health checks on {@code /__health}, and HAProxy's retries turned off, so a
 * node that dropped a request could not be hidden. Under steady GET and POST load against a backend that takes
 * 30 ms: a rolling restart of every node, then a fourth node joining, must cost the clients nothing. The nodes'
 * metrics add up in a real Prometheus and InfluxDB, and a cluster-wide rate limit outlives its Redis.
 */
class ClusterIT {
    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private Path config;
    private int statsPort;

    @Test
    void rollingRestartAndScaleOutLoseNoRequest() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            writeConfig(backend);
            for (int i = 0; i < 4; i++) ports.add(Nodes.freePort());
            int front = Nodes.freePort();
            statsPort = Nodes.freePort();
            Process haproxy = startHaproxy(front, false);
            try {
                for (int i = 0; i < 3; i++) nodes.add(startNode(i));
                for (int i = 0; i < 3; i++) awaitUp("n" + i);
                Map<String, String> fingerprints = new LinkedHashMap<>();
                for (int i = 0; i < 3; i++) fingerprints.put("n" + i, fingerprint(ports.get(i)));
                assertEquals(1, fingerprints.values().stream().distinct().count(), "one file, one fingerprint: "
                        + fingerprints);

                Load load = new Load(URI.create("http://127.0.0.1:" + front));
                load.start(6);
                long t0 = System.nanoTime();
                awaitTrue(() -> load.ok.get() > 200, 20, "load did not get going");

                // 1. rolling restart: SIGTERM one node, start it again, wait until the balancer has it back
                for (int i = 0; i < 3; i++) {
                    Process old = nodes.get(i);
                    old.destroy();
                    assertTrue(old.waitFor(30, TimeUnit.SECONDS), "node n" + i + " did not stop");
                    assertEquals(0, old.exitValue(), "node n" + i + " exit code");
                    nodes.set(i, startNode(i));
                    awaitUp("n" + i);
                    long before = load.ok.get();
                    awaitTrue(() -> load.ok.get() > before + 100, 20, "traffic stalled after restarting n" + i);
                }
                long restartSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);

                // 2. a fourth node with the same file joins and takes traffic
                nodes.add(startNode(3));
                awaitUp("n3");
                assertEquals(fingerprints.get("n0"), fingerprint(ports.get(3)), "the new node runs the same file");
                awaitTrue(() -> sessions().getOrDefault("n3", 0L) > 20, 20, "n3 took no traffic");

                load.stop();
                Map<String, Long> perNode = sessions();
                System.out.printf("cluster: %d requests, %d failed, per node (HAProxy sessions) %s, "
                        + "rolling restart of 3 nodes in %d s%n", load.ok.get() + load.failed.get(),
                        load.failed.get(), perNode, restartSeconds);
                assertEquals(List.of(), new ArrayList<>(load.failures), "failed client requests");
                assertTrue(load.ok.get() > 1000, "too little load to prove anything: " + load.ok.get());
                for (int i = 0; i < 4; i++) assertTrue(perNode.getOrDefault("n" + i, 0L) > 0, "n" + i + " served nothing");
            } finally {
                for (Process p : nodes) p.destroyForcibly();
                haproxy.destroy();
                haproxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A node that dies without draining ({@code kill -9}) drops what it had in flight; HAProxy's retries
     * ({@code retry-on conn-failure empty-response}, redispatch) send those requests to another node. Bound: with
     * retries on, no client request fails.
     */
    @Test
    void killNineIsCoveredByTheBalancersRetries() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            writeConfig(backend);
            for (int i = 0; i < 4; i++) ports.add(Nodes.freePort());
            int front = Nodes.freePort();
            statsPort = Nodes.freePort();
            Process haproxy = startHaproxy(front, true);
            try {
                for (int i = 0; i < 3; i++) nodes.add(startNode(i));
                for (int i = 0; i < 3; i++) awaitUp("n" + i);
                Load load = new Load(URI.create("http://127.0.0.1:" + front));
                load.start(6);
                awaitTrue(() -> load.ok.get() > 300, 20, "load did not get going");
                nodes.get(1).destroyForcibly(); // SIGKILL: no draining, in-flight requests are cut
                assertTrue(nodes.get(1).waitFor(10, TimeUnit.SECONDS));
                long after = load.ok.get();
                awaitTrue(() -> load.ok.get() > after + 500, 30, "traffic stalled after kill -9");
                load.stop();
                System.out.printf("cluster kill -9: %d requests, %d failed, per node (HAProxy sessions) %s%n",
                        load.ok.get() + load.failed.get(), load.failed.get(), sessions());
                assertEquals(List.of(), new ArrayList<>(load.failures), "failed client requests");
            } finally {
                for (Process p : nodes) p.destroyForcibly();
                haproxy.destroy();
                haproxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Every node reports its own metrics; the monitoring system adds them up. Three nodes behind HAProxy, a real
     * Prometheus (Debian's {@code prometheus}) scraping each node's exporter every second: the sum over nodes of the
     * request counter equals what HAProxy served, and every node is a series of its own. The same nodes push to a
     * real InfluxDB 1.x, which then holds series from every node.
     */
    @Test
    void prometheusSumsTheClusterToWhatTheBalancerServed() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int influxPort = Nodes.freePort();
            writeConfig(backend, ", \"telemetry/influx\": {\"address\": \"http://127.0.0.1:" + influxPort
                    + "\", \"db\": \"kgw\", \"ttl\": \"500ms\"}");
            Process influx = startInflux(influxPort);
            for (int i = 0; i < 4; i++) ports.add(Nodes.freePort());
            List<Integer> metricsPorts = new ArrayList<>();
            for (int i = 0; i < 3; i++) metricsPorts.add(Nodes.freePort());
            int front = Nodes.freePort();
            statsPort = Nodes.freePort();
            int promPort = Nodes.freePort();
            Path promCfg = dir.resolve("prometheus.yml");
            Files.writeString(promCfg, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: kgw
                    static_configs:
                      - targets: [%s]
                """.formatted(String.join(", ", metricsPorts.stream().map(p -> "'127.0.0.1:" + p + "'").toList())));
            Process haproxy = startHaproxy(front, false);
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + promCfg,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                for (int i = 0; i < 3; i++) nodes.add(startNode(i, metricsPorts.get(i)));
                for (int i = 0; i < 3; i++) awaitUp("n" + i);
                HttpClient client = HttpClient.newHttpClient();
                int sent = 600;
                for (int i = 0; i < sent; i++) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + front + "/work")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                }
                long served = sessions().values().stream().mapToLong(Long::longValue).sum();
                assertEquals(sent, served, "HAProxy's count of served requests");
                String sum = "sum(http_server_request_duration_seconds_count{http_route=\"/work\"})";
                String byNode = "count(http_server_request_duration_seconds_count{http_route=\"/work\"}) by (service_instance_id)";
                awaitTrue(() -> query(promPort, sum).equals(Long.toString(served)), 30,
                        "Prometheus's sum over the nodes never reached " + served + " (last: " + query(promPort, sum) + ")");
                String nodesSeen = query(promPort, "count(" + byNode + ")");
                assertEquals("3", nodesSeen, "one series per node");
                awaitTrue(() -> influxInstances(influxPort) == 3, 30,
                        "InfluxDB holds series from " + influxInstances(influxPort) + " nodes, not 3");
                System.out.printf("cluster metrics: %d requests served by HAProxy, Prometheus sum %s over %s nodes%n",
                        served, query(promPort, sum), nodesSeen);
            } finally {
                for (Process p : nodes) p.destroyForcibly();
                influx.destroy();
                influx.waitFor(10, TimeUnit.SECONDS);
                prometheus.destroy();
                haproxy.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
                haproxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The limit of {@code /limited} in {@link #clusterWideRateLimitOutlivesRedis}: per client, per {@link #EVERY}. */
    private static final int LIMIT = 10;
    private static final Duration EVERY = Duration.ofMinutes(10);
    /** A bucket gets a token back every EVERY / LIMIT (1 min); a burst lasts at most half that, so it sees none. */
    private static final Duration BURST_MAX = EVERY.dividedBy(LIMIT).dividedBy(2);

    /**
     * A cluster-wide rate limit behind HAProxy while Redis goes away and comes back, under steady load (GET/POST
     * on {@code /work}, a steady stream of one client on {@code /limited}; HAProxy's retries off). {@code /limited}
     * is limited per client by {@code qos/ratelimit/router/redis} over a real {@code redis-server}: LIMIT per EVERY,
     * rejections are 429 (an endpoint-wide {@code max_rate} would answer 503, KrakenD's default, so the test limits
     * per client). Each phase is a burst of a fresh client key, i.e. a fresh window, and lasts less than it takes a
     * bucket to get one token back, so its counts are exact. HAProxy names the node that answered ({@code X-Node});
     * a burst goes on until every node has answered LIMIT + 1 requests of its client, so each node alone could
     * allow all LIMIT.
     * <ol>
     * <li>Redis up: the three nodes together allow exactly LIMIT.
     * <li>Redis stopped: only 200 and 429, and each node allows exactly LIMIT on its own (its local bucket, full for
     * a new client), so the cluster allows exactly 3 × LIMIT: the bound for three nodes limiting alone, reached.
     * <li>Redis started again: with nothing done to the nodes, a fresh client is allowed exactly LIMIT again. Until
     * then each burst answers only 200 and 429 and allows between LIMIT and 4 × LIMIT (a node decides each request
     * with its own bucket, at most LIMIT per node, or with Redis's, at most LIMIT for all).
     * </ol>
     */
    @Test
    void clusterWideRateLimitOutlivesRedis() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            int redisPort = Nodes.freePort();
            Process redis = Nodes.startRedis(redisPort, dir.resolve("redis.log"));
            // a generous pool timeout: on two shared cores a Redis call must not fall back just for being slow
            writeConfig(backend, """
                , "redis": {"connection_pools": [{"name": "shared", "address": "127.0.0.1:%d", "timeout": "500ms"}]}
                """.formatted(redisPort), """
                , {"endpoint": "/limited", "backend": [{"host": ["%s"], "url_pattern": "/user"}],
                   "extra_config": {"qos/ratelimit/router/redis": {"connection_pool": "shared", "client_max_rate": %d,
                     "client_capacity": %d, "every": "%ds", "strategy": "header", "key": "X-Client"}}}
                """.formatted(backend.url(), LIMIT, LIMIT, EVERY.toSeconds()));
            for (int i = 0; i < 4; i++) ports.add(Nodes.freePort());
            int front = Nodes.freePort();
            statsPort = Nodes.freePort();
            URI base = URI.create("http://127.0.0.1:" + front);
            Load load = new Load(base);
            Process haproxy = startHaproxy(front, false);
            try {
                for (int i = 0; i < 3; i++) nodes.add(startNode(i));
                for (int i = 0; i < 3; i++) awaitUp("n" + i);
                // Each node's first calls to Redis, straight to the node: cold, they can hold a node up long enough
                // for a health check to time out, and through HAProxy they would hit all three nodes at once.
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 3; k++) {
                        int status = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(i)
                                + "/limited")).header("X-Client", "warm-up").build(), HttpResponse.BodyHandlers
                                .discarding()).statusCode();
                        assertEquals(200, status, "n" + i + " warming up");
                    }
                }
                for (int i = 0; i < 3; i++) awaitUp("n" + i);
                load.start(2);
                load.startLimited("steady");
                long t0 = System.nanoTime();
                awaitTrue(() -> load.ok.get() > 50, 20, "load did not get going");

                Map<String, Map<Integer, Integer>> up = burst(base, "a");
                assertEquals(LIMIT, allowed(up), "Redis up: the cluster allows " + LIMIT + " for a client " + up);

                redis.destroy();
                assertTrue(redis.waitFor(10, TimeUnit.SECONDS), "redis-server did not stop");
                long answeredAtStop = load.ok.get() + load.limited.get();
                Map<String, Map<Integer, Integer>> down = burst(base, "b");
                down.forEach((node, counts) -> assertEquals(LIMIT, counts.getOrDefault(200, 0),
                        "Redis down: " + node + " allows its own " + LIMIT + ": " + down));
                assertEquals(3 * LIMIT, allowed(down), "Redis down: 3 nodes alone allow 3 x " + LIMIT + ": " + down);
                awaitTrue(() -> load.ok.get() + load.limited.get() > answeredAtStop + 50, 20,
                        "the steady load stalled while Redis was down");

                redis = Nodes.startRedis(redisPort, dir.resolve("redis.log"));
                long restarted = System.nanoTime();
                long deadline = restarted + TimeUnit.SECONDS.toNanos(20);
                Map<String, Map<Integer, Integer>> again;
                int bursts = 0;
                while (true) {
                    again = burst(base, "c" + bursts++);
                    int allowed = allowed(again);
                    if (allowed == LIMIT) break;
                    assertTrue(allowed > LIMIT && allowed <= 4 * LIMIT, "Redis coming back: between " + LIMIT
                            + " and 4 x " + LIMIT + " allowed: " + again);
                    assertTrue(System.nanoTime() < deadline, "global limiting did not resume within 20 s: " + again);
                    Thread.sleep(100); // poll interval, bounded by the deadline
                }
                double resumed = (System.nanoTime() - restarted) / 1e9;
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
                load.stop();
                System.out.printf("cluster rate limit (%d per client per %d min, 3 nodes, allowed/answered): Redis up "
                        + "%s, Redis stopped %s, Redis back %s after %.1f s (%d bursts); steady load %d requests (%d "
                        + "of them 429 on /limited), %d failed; %d s%n", LIMIT, EVERY.toMinutes(), summary(up),
                        summary(down), summary(again), resumed, bursts, load.ok.get() + load.limited.get()
                        + load.failed.get(), load.limited.get(), load.failed.get(), seconds);
                assertEquals(List.of(), new ArrayList<>(load.failures), "failed client requests");
                assertTrue(load.limited.get() > 0, "the steady client on /limited was never limited");
            } finally {
                load.stop();
                for (Process p : nodes) p.destroyForcibly();
                redis.destroy();
                haproxy.destroy();
                redis.waitFor(10, TimeUnit.SECONDS);
                haproxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Requests of one client on {@code /limited} through HAProxy until each of n0..n2 has answered LIMIT + 1 of
     * them, within BURST_MAX; status counts per node. Only 200 and 429 may come back; a connection failure fails.
     */
    private Map<String, Map<Integer, Integer>> burst(URI base, String clientKey) throws Exception {
        Map<String, Map<Integer, Integer>> byNode = new TreeMap<>();
        long deadline = System.nanoTime() + BURST_MAX.toNanos();
        while (!IntStream.range(0, 3).allMatch(i -> byNode.getOrDefault("n" + i, Map.of()).values().stream()
                .mapToInt(Integer::intValue).sum() > LIMIT)) {
            assertTrue(System.nanoTime() < deadline, "a burst did not reach every node within " + BURST_MAX + ": "
                    + byNode);
            HttpResponse<String> r = probe.send(HttpRequest.newBuilder(base.resolve("/limited"))
                    .header("X-Client", clientKey).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String node = r.headers().firstValue("X-Node").orElse("HAProxy itself");
            byNode.computeIfAbsent(node, k -> new TreeMap<>()).merge(r.statusCode(), 1, Integer::sum);
        }
        assertEquals(Set.of("n0", "n1", "n2"), byNode.keySet(), "who answered: " + byNode);
        byNode.forEach((node, counts) -> assertTrue(Set.of(200, 429).containsAll(counts.keySet()),
                "only 200 and 429 from the limited endpoint: " + byNode));
        return byNode;
    }

    private static int allowed(Map<String, Map<Integer, Integer>> byNode) {
        return byNode.values().stream().mapToInt(m -> m.getOrDefault(200, 0)).sum();
    }

    /** {@code 10/36 {n0=4/12, ...}}: allowed/answered, in all and per node. */
    private static String summary(Map<String, Map<Integer, Integer>> byNode) {
        int answered = byNode.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        return allowed(byNode) + "/" + answered + " " + byNode.entrySet().stream().map(e -> e.getKey() + "="
                + e.getValue().getOrDefault(200, 0) + "/" + e.getValue().values().stream().mapToInt(Integer::intValue)
                .sum()).collect(Collectors.joining(", ", "{", "}"));
    }

    /** The single value of an instant query, or "" when there is none (yet). */
    private String query(int promPort, String promql) {
        try {
            String body = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort
                    + "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]").matcher(body);
            return m.find() ? m.group(1) : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private void writeConfig(TestBackend backend) throws IOException {
        writeConfig(backend, "");
    }

    /** @param moreNamespaces extra service-level namespaces, as JSON members with a leading comma */
    private void writeConfig(TestBackend backend, String moreNamespaces) throws IOException {
        writeConfig(backend, moreNamespaces, "");
    }

    /** @param moreEndpoints extra endpoints, as JSON array elements with a leading comma */
    private void writeConfig(TestBackend backend, String moreNamespaces, String moreEndpoints) throws IOException {
        config = dir.resolve("krakend.json");
        Files.writeString(config, """
            {"version": 3, "name": "cluster-%d", "timeout": "3s", "max_shutdown_wait_time": "10s",
             "extra_config": {"kgw/lifecycle": {"drain_delay": "1s"},
                              "telemetry/opentelemetry": {"exporters": {"prometheus": [{"port": 9090}]}}%s},
             "endpoints": [
              {"endpoint": "/work", "backend": [{"host": ["%s"], "url_pattern": "/work"}]},
              {"endpoint": "/submit", "method": "POST", "backend": [{"host": ["%s"], "url_pattern": "/work"}]}%s
             ]}
            """.formatted(System.nanoTime(), moreNamespaces, backend.url(), backend.url(), moreEndpoints));
    }

    /** A throw-away InfluxDB 1.x (Debian's {@code influxdb}) on loopback, with a {@code kgw} database. */
    private Process startInflux(int httpPort) throws Exception {
        Path home = dir.resolve("influx");
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, """
            reporting-disabled = true
            bind-address = "127.0.0.1:%d"
            [meta]
              dir = "%s/meta"
            [data]
              dir = "%s/data"
              wal-dir = "%s/wal"
            [http]
              bind-address = "127.0.0.1:%d"
              log-enabled = false
            [monitor]
              store-enabled = false
            """.formatted(Nodes.freePort(), home, home, home, httpPort));
        Process influx = new ProcessBuilder("influxd", "-config", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("influxd.log").toFile()).start();
        awaitTrue(() -> {
            try {
                return probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }, 30, "influxd did not start");
        probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/query?q=CREATE+DATABASE+kgw"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return influx;
    }

    /** Distinct values of the {@code instance} tag InfluxDB holds for {@code requests}. */
    private long influxInstances(int httpPort) {
        try {
            String body = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/query?db=kgw&q=" + java.net.URLEncoder.encode("SHOW TAG VALUES FROM requests WITH KEY = \"instance\"",
                    java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
            return java.util.regex.Pattern.compile("\\[\"instance\",\"").matcher(body).results().count();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private Process startHaproxy(int front, boolean retries) throws IOException {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, haproxyConfig(front, retries));
        return new ProcessBuilder("haproxy", "-f", cfg.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
    }

    /**
     * HAProxy in front of four servers (the fourth starts later), with its default keep-alive connections to
     * them, naming the server that answered in {@code X-Node}. Without retries a node that drops a request shows as a failed
     * request; with them, connection failures and empty responses go to another node.
     */
    private String haproxyConfig(int front, boolean retries) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            servers.append("  server n").append(i).append(" 127.0.0.1:").append(ports.get(i)).append(" check\n");
        }
        return """
            global
              maxconn 2000
            defaults
              mode http
              timeout connect 1s
              timeout client 10s
              timeout server 10s
              %s
              # otherwise HAProxy's defaults: keep-alive to the servers and http-reuse safe, so idle server
              # connections of a stopping node are in the balancer's pool while it drains
            frontend stats
              bind 127.0.0.1:%d
              stats enable
              stats uri /stats
            frontend fe
              bind 127.0.0.1:%d
              default_backend nodes
            backend nodes
              balance roundrobin
              option httpchk GET /__health
              http-check expect status 200
              default-server inter 200ms fall 1 rise 2
              # a 503 (draining) or a refused connection takes a node out at once; a node that is only slow for a
              # moment (a cold code path, two shared cores) is not: without this a check times out after 200 ms
              timeout check 1s
              # which node answered, for the tests that count per node
              http-response set-header X-Node %%s
            %s""".formatted(retries ? "retries 2\n  option redispatch\n  option http-buffer-request\n  retry-on conn-failure empty-response"
                : "retries 0", statsPort, front, servers);
    }

    private Process startNode(int i) throws IOException {
        return startNode(i, Nodes.freePort());
    }

    /** One node of the shared file; only the listen and metrics ports differ, as on separate hosts. */
    private Process startNode(int i, int metricsPort) throws IOException {
        return new ProcessBuilder(Nodes.command(List.of("-XX:+UseSerialGC", "-Xmx64m"), "run", "-c",
                config.toString(), "-p", Integer.toString(ports.get(i)), "--metrics-port", Integer.toString(metricsPort)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("n" + i + ".log")
                        .toFile())).start();
    }

    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private String fingerprint(int port) throws Exception {
        String body = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"config_fingerprint\":\"([0-9a-f]+)\".*", "$1");
    }

    /** HAProxy's own view: per server, status and total sessions, from its CSV stats. */
    private Map<String, String[]> stats() {
        Map<String, String[]> out = new LinkedHashMap<>();
        try {
            String csv = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : csv.split("\n")) {
                String[] f = line.split(",", -1);
                if (f.length > 17 && f[0].equals("nodes") && f[1].startsWith("n")) out.put(f[1], f);
            }
        } catch (IOException | InterruptedException e) {
            // not up yet: callers poll
        }
        return out;
    }

    private Map<String, Long> sessions() {
        Map<String, Long> out = new LinkedHashMap<>();
        stats().forEach((name, f) -> out.put(name, Long.parseLong(f[7])));
        return out;
    }

    private void awaitUp(String server) throws Exception {
        awaitTrue(() -> {
            String[] f = stats().get(server);
            return f != null && f[17].equals("UP");
        }, 30, server + " never came UP in HAProxy");
    }

    private static void awaitTrue(BooleanSupplier condition, int seconds, String message) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(message);
            Thread.sleep(50); // poll interval, bounded by the deadline
        }
    }

    /**
     * Steady, bounded load: a few client threads alternating GET and POST (and, if asked, one on a rate-limited
     * endpoint), each counting what failed and why.
     */
    private static final class Load {
        final URI base;
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        /** 429s of the {@code /limited} stream */
        final AtomicLong limited = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        Load(URI base) { this.base = base; }

        void start(int n) {
            for (int t = 0; t < n; t++) {
                boolean post = t % 2 == 1;
                spawn("load-" + t, false, () -> post
                        ? HttpRequest.newBuilder(base.resolve("/submit")).timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build()
                        : HttpRequest.newBuilder(base.resolve("/work")).timeout(Duration.ofSeconds(5)).build());
            }
        }

        /** One more thread: one client on the rate-limited {@code /limited}, about 100 requests/s; 429 is fine. */
        void startLimited(String clientKey) {
            spawn("load-limited", true, () -> HttpRequest.newBuilder(base.resolve("/limited"))
                    .header("X-Client", clientKey).timeout(Duration.ofSeconds(5)).build());
        }

        private void spawn(String name, boolean limitedEndpoint, Supplier<HttpRequest> requests) {
            Thread th = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // bounded whatever happens
                while (running.get() && System.nanoTime() < deadline) {
                    HttpRequest req = requests.get();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) ok.incrementAndGet();
                        else if (r.statusCode() == 429 && limitedEndpoint) limited.incrementAndGet();
                        else fail(req.method() + " " + req.uri().getPath() + " " + r.statusCode() + " " + r.body());
                        // pacing of a steady stream (its 429s take no time); it waits for nothing
                        if (limitedEndpoint) Thread.sleep(10);
                    } catch (IOException e) {
                        fail(req.method() + " " + req.uri().getPath() + " " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, name);
            threads.add(th);
            th.start();
        }

        private void fail(String why) {
            failed.incrementAndGet();
            if (failures.size() < 20) failures.add(why);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(10_000);
        }
    }
}

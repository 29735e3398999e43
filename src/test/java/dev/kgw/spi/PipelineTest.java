package dev.kgw.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Response;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.ListenerCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built pipeline against {@link StageOrder}: who acts at each stage, in which order, and the lifecycle. */
class PipelineTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<Pipeline> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (Pipeline p : opened) {
            p.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            p.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ServiceConfig config(String json) throws Exception {
        Problems problems = new Problems();
        ServiceConfig c = new ConfigParser(Namespaces.builtIn().registry())
                .parse(new ObjectMapper().readTree(json), problems);
        assertTrue(problems.errors().isEmpty(), problems.all().toString());
        return c;
    }

    private Pipeline open(List<Namespace> namespaces, ServiceConfig c) {
        Pipeline p = Pipeline.open(namespaces, new NodeContext(c, vertx, new ListenerCounters(), null));
        opened.add(p);
        return p;
    }

    /** Every built-in namespace that contributes, on one file that turns them all on. */
    @Test
    void everyBuiltInContributionIsWhereTheTableSays() throws Exception {
        ServiceConfig c = config("""
                {"version": 3, "host": ["http://127.0.0.1:1"], "extra_config": {
                  "telemetry/logging": {"level": "INFO"},
                  "telemetry/opentelemetry": {"exporters": {"otlp": [{"name": "o", "host": "127.0.0.1", "port": 1,
                    "use_http": true}]}},
                  "telemetry/influx": {"address": "http://127.0.0.1:1", "ttl": "1h"},
                  "telemetry/metrics": {"listen_address": "127.0.0.1:0"},
                  "kgw/lifecycle": {"drain_delay": "1ms"},
                  "redis": {"connection_pools": [{"name": "p", "address": "127.0.0.1:1"}]}},
                 "endpoints": [
                  {"endpoint": "/local", "extra_config": {"qos/ratelimit/router": {"max_rate": 5}},
                   "backend": [{"url_pattern": "/x"}]},
                  {"endpoint": "/cluster", "extra_config": {"qos/ratelimit/router/redis": {"max_rate": 5,
                    "connection_pool": "p"}}, "backend": [{"url_pattern": "/x"}]},
                  {"endpoint": "/both", "extra_config": {"qos/ratelimit/router/redis": {"max_rate": 5,
                    "connection_pool": "p"}, "qos/ratelimit/router": {"max_rate": 1}},
                   "backend": [{"url_pattern": "/x"}]}]}""");
        Pipeline p = open(Namespaces.builtIn().list(), c);
        EndpointConfig local = c.endpoints().get(0);
        BackendConfig b = local.backends().get(0);
        assertEquals(List.of("telemetry/logging", "telemetry/opentelemetry", "telemetry/influx", "telemetry/metrics"),
                p.actors(Stage.OBSERVER, null, null));
        assertEquals(List.of("telemetry/opentelemetry"), p.actors(Stage.TRACER, null, null));
        assertEquals(List.of("telemetry/opentelemetry", "telemetry/metrics"), p.actors(Stage.PIPE, local, null));
        assertEquals(List.of("telemetry/opentelemetry", "telemetry/metrics"), p.actors(Stage.BACKEND, local, b));
        assertEquals(List.of("qos/ratelimit/router"), p.actors(Stage.ENDPOINT, local, null));
        assertEquals(List.of("qos/ratelimit/router/redis"), p.actors(Stage.ENDPOINT, c.endpoints().get(1), null));
        assertEquals(List.of("qos/ratelimit/router/redis"), p.actors(Stage.ENDPOINT, c.endpoints().get(2), null),
                "an endpoint limited cluster-wide is not limited twice");
        for (Stage stage : Stage.values()) {
            for (EndpointConfig e : c.endpoints()) {
                List<String> actors = p.actors(stage, e, e.backends().get(0));
                List<String> table = StageOrder.of(stage);
                assertTrue(table.containsAll(actors), stage + ": " + actors + " not all in the table " + table);
                List<String> sorted = new ArrayList<>(actors);
                sorted.sort(java.util.Comparator.comparingInt(table::indexOf));
                assertEquals(sorted, actors, stage + " follows the table");
            }
        }
        assertTrue(c.endpoints().stream().allMatch(e -> p.actors(Stage.SERVER, e, null).isEmpty()));
    }

    /** A namespace that notes where it acts, for order and lifecycle checks. */
    private static Namespace recording(String name, List<String> seen) {
        return new Namespace() {
            @Override public String name() { return name; }

            @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

            @Override public Object parse(JsonNode options, String path, Problems problems) { return null; }

            @Override
            public Extension open(Node node) {
                seen.add("open " + name);
                return new Extension() {
                    @Override
                    public EndpointFilter endpointFilter(EndpointConfig e) {
                        return ex -> {
                            seen.add("filter " + name);
                            return EndpointFilter.PASS;
                        };
                    }

                    @Override
                    public Middleware backend(EndpointConfig e, BackendConfig b) {
                        return next -> r -> {
                            seen.add("in " + name);
                            return next.handle(r).onSuccess(x -> seen.add("out " + name));
                        };
                    }

                    @Override
                    public Future<Void> start() {
                        seen.add("start " + name);
                        return Future.succeededFuture();
                    }

                    @Override
                    public Future<Void> stop() {
                        seen.add("stop " + name);
                        return Future.succeededFuture();
                    }

                    @Override public void close() { seen.add("close " + name); }
                };
            }
        };
    }

    @Test
    void theTableOrdersListedNamesWhateverTheRegistrationOrderAndUnlistedOnesComeLast() throws Exception {
        List<String> seen = new ArrayList<>();
        ServiceConfig c = config("""
                {"version": 3, "host": ["http://h"], "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}""");
        // registered: a plugin, then the circuit breaker's name, then the metrics' name
        Pipeline p = open(List.of(recording("acme/plugin", seen), recording("qos/circuit-breaker", seen),
                recording("telemetry/metrics", seen)), c);
        EndpointConfig e = c.endpoints().get(0);
        BackendConfig b = e.backends().get(0);
        assertEquals(List.of("telemetry/metrics", "qos/circuit-breaker", "acme/plugin"),
                p.actors(Stage.BACKEND, e, b));
        seen.clear();
        Response answer = new Response(new LinkedHashMap<>(), true);
        Proxy inner = r -> {
            seen.add("call");
            return Future.succeededFuture(answer);
        };
        p.backend(e, b).wrap(inner).handle(null);
        assertEquals(List.of("in telemetry/metrics", "in qos/circuit-breaker", "in acme/plugin", "call",
                "out acme/plugin", "out qos/circuit-breaker", "out telemetry/metrics"), seen, "the first is outermost");
        seen.clear();
        for (EndpointFilter f : p.endpointFilters(e)) f.filter(null);
        assertEquals(List.of("filter acme/plugin", "filter qos/circuit-breaker", "filter telemetry/metrics"), seen,
                "a stage whose row lists none of them keeps the registration order");
    }

    @Test
    void startedInRegistrationOrderStoppedAndClosedInReverse() throws Exception {
        List<String> seen = new ArrayList<>();
        ServiceConfig c = config("""
                {"version": 3, "host": ["http://h"], "endpoints": []}""");
        Pipeline p = Pipeline.open(List.of(recording("a", seen), recording("b", seen)),
                new NodeContext(c, vertx, new ListenerCounters(), null));
        p.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        p.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        p.close();
        assertEquals(List.of("open a", "open b", "start a", "start b", "stop b", "stop a", "close b", "close a"), seen);
    }

    @Test
    void aNamespaceThatFailsToOpenClosesThoseAlreadyOpen() throws Exception {
        List<String> seen = new ArrayList<>();
        ServiceConfig c = config("""
                {"version": 3, "host": ["http://h"], "endpoints": []}""");
        Namespace broken = new Namespace() {
            @Override public String name() { return "broken"; }

            @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

            @Override public Object parse(JsonNode options, String path, Problems problems) { return null; }

            @Override public Extension open(Node node) { throw new IllegalStateException("cannot bind"); }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.open(
                List.of(recording("a", seen), broken, recording("c", seen)),
                new NodeContext(c, vertx, new ListenerCounters(), null)));
        assertEquals("cannot bind", e.getMessage());
        assertEquals(List.of("open a", "close a"), seen);
    }

    @Test
    void nothingContributedMeansNothingToWrap() throws Exception {
        ServiceConfig c = config("""
                {"version": 3, "host": ["http://h"], "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x"}]}]}""");
        Pipeline p = open(Namespaces.builtIn().list(), c);
        EndpointConfig e = c.endpoints().get(0);
        assertNull(p.pipe(e));
        assertNull(p.merged(e));
        assertNull(p.backend(e, e.backends().get(0)));
        assertNull(p.client(e, e.backends().get(0)));
        assertNull(p.tracer());
        assertTrue(p.endpointFilters(e).isEmpty());
        assertTrue(p.serverFilters().isEmpty());
        // the access log is on by default, as gin's
        assertEquals(List.of("telemetry/logging"), p.actors(Stage.OBSERVER, null, null));
    }
}

package dev.kgw.bench;

import dev.kgw.encoding.JsonNumber;
import dev.kgw.proxy.MergeProxy;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Request;
import dev.kgw.proxy.Response;
import dev.kgw.proxy.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link MergeProxy#handle} end to end with two backends that answer at once: the per-request price of the
 * merge itself (request copies, merge timer set and cancelled, shallow putAll of both responses, the merged
 * {@link Response}), without any I/O.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MergeBenchmark {

    private Vertx vertx;
    private MergeProxy merge;
    private Request request;

    @Setup(Level.Trial)
    public void setup() {
        vertx = Vertx.vertx();
        // Two backends of ~10 top-level keys each (a "user" and its "account"), with one colliding key ("id")
        // so the later-wins path of putAll is exercised. The maps are built once: the merge only reads them
        // (putAll into its own map), so sharing them does not change what is measured. Response and future
        // are new per call, as a real backend would produce.
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", new JsonNumber("1234567"));
        user.put("name", "Ada Lovelace");
        user.put("email", "ada@example.com");
        user.put("active", Boolean.TRUE);
        user.put("created_at", "2024-01-02T03:04:05Z");
        user.put("locale", "en-GB");
        user.put("roles", List.of("admin", "editor"));
        user.put("avatar", "https://cdn.example.com/u/1234567.png");
        user.put("address", Map.of("city", "London", "zip", "NW1"));
        user.put("score", new JsonNumber("98.5"));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", new JsonNumber("7654321"));
        account.put("plan", "pro");
        account.put("balance", new JsonNumber("1024.50"));
        account.put("currency", "EUR");
        account.put("renews_at", "2025-01-02T00:00:00Z");
        account.put("seats", new JsonNumber("5"));
        account.put("trial", Boolean.FALSE);
        account.put("invoices", new JsonNumber("12"));
        account.put("owner", "ada@example.com");
        account.put("limits", Map.of("rpm", new JsonNumber("600")));
        Proxy userBackend = r -> Future.succeededFuture(new Response(user, true));
        Proxy accountBackend = r -> Future.succeededFuture(new Response(account, true));
        merge = new MergeProxy(Scheduler.of(vertx), List.of(userBackend, accountBackend), Duration.ofSeconds(2));
        // A request as the router builds it: one param, a couple of query values and forwarded headers;
        // MergeProxy copies it (all three maps) once per backend.
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("fields", List.of("all"));
        query.put("lang", List.of("en"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Id", "1234567");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("User-Agent", List.of("KrakenD Version 2.7"));
        headers.put("X-Forwarded-For", List.of("10.0.0.1"));
        request = new Request("GET", "/users/1234567", query, params, headers, null, Long.MAX_VALUE);
        Response check = handle();
        if (check == null || check.data.size() != 19 || !check.complete) {
            throw new IllegalStateException("unexpected merge result: " + (check == null ? null : check.data));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Both backends complete before {@code handle} returns, so the last completion cancels the merge timer
     * and the returned future is already complete: no event-loop hop is needed to read the result.
     */
    @Benchmark
    public Response handle() {
        Future<Response> f = merge.handle(request);
        if (!f.succeeded()) throw new IllegalStateException("merge did not complete synchronously");
        return f.result();
    }
}

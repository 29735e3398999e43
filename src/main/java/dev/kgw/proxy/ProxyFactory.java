package dev.kgw.proxy;

import dev.kgw.backend.BackendHttpNamespace;
import dev.kgw.backend.BackendHttpOptions;
import dev.kgw.backend.Balancer;
import dev.kgw.backend.Decoder;
import dev.kgw.backend.DnsSrvBalancer;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.backend.RoundRobinBalancer;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.transform.EntityFormatter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds each endpoint's pipeline once, at start-up, in KrakenD CE's order. Outermost first:
 * [{@link ProxyStages#pipe}] → shadow split → static → [{@link ProxyStages#merged}] → endpoint flatmap (several
 * backends only) → merge (parallel or sequential) → per backend: query filter → request builder → concurrent
 * calls → balancer → header filter → [{@link ProxyStages#backend}] → HTTP call ([{@link ProxyStages#client}]
 * around each exchange) + status check + decode + formatter. The bracketed positions are the namespaces'.
 */
public final class ProxyFactory {
    private final Vertx vertx;
    /** One for every endpoint: merge, sequential and concurrent calls time their budget with it. */
    private final Scheduler scheduler;
    private final HttpExecutor http;
    private final JsonCodec json;
    private final Duration dnsCacheTtl;
    private final ProxyStages stages;

    public ProxyFactory(Vertx vertx, HttpExecutor http, JsonCodec json, Duration dnsCacheTtl, ProxyStages stages) {
        this.stages = stages;
        this.vertx = vertx;
        this.scheduler = Scheduler.of(vertx);
        this.http = http;
        this.json = json;
        this.dnsCacheTtl = dnsCacheTtl;
    }

    public Proxy endpoint(EndpointConfig e) {
        ProxyOptions opts = e.extra().get(ProxyNamespace.NAME, ProxyOptions.class).orElse(ProxyOptions.DEFAULT);
        List<BackendConfig> main = new ArrayList<>();
        List<BackendConfig> shadows = new ArrayList<>();
        for (BackendConfig b : e.backends()) (options(b).shadow() ? shadows : main).add(b);
        if (main.isEmpty()) {
            // every backend is a shadow: lura then treats them as ordinary backends
            main.addAll(shadows);
            shadows.clear();
        }
        boolean sequential = opts.sequential() && main.size() > 1;
        List<Proxy> stacks = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            boolean bufferNoop = sequential && i < main.size() - 1;
            stacks.add(backend(e, main.get(i), bufferNoop, e.timeout()));
        }
        Proxy p;
        if (stacks.size() == 1) {
            p = stacks.get(0);
        } else if (sequential) {
            List<List<String>> needs = main.stream().map(b -> UrlTemplate.responseParams(b.urlPattern())).toList();
            p = new SequentialProxy(scheduler, stacks, needs, opts.sequentialPropagatedParams(), e.timeout());
        } else {
            p = new MergeProxy(scheduler, stacks, e.timeout());
        }
        if (opts.flatmap() != null && stacks.size() > 1) p = new EndpointFlatmapProxy(opts.flatmap()).wrap(p);
        p = wrap(stages.merged(e), p);
        if (opts.staticStrategy() != null) p = new StaticMiddleware(opts.staticStrategy(), opts.staticData()).wrap(p);
        if (!shadows.isEmpty()) {
            List<Proxy> shadowStacks = new ArrayList<>();
            for (BackendConfig b : shadows) {
                Duration t = options(b).shadowTimeout().isZero() ? e.timeout() : options(b).shadowTimeout();
                Proxy s = backend(e, b, false, e.timeout());
                shadowStacks.add(request -> {
                    // detached from the client's deadline: a shadow has its own time
                    request.deadlineNanos = System.nanoTime() + t.toNanos();
                    return s.handle(request);
                });
            }
            p = new ShadowProxy(p, shadowStacks);
        }
        return wrap(stages.pipe(e), p);
    }

    private static Proxy wrap(Middleware m, Proxy p) { return m == null ? p : m.wrap(p); }

    private Proxy backend(EndpointConfig e, BackendConfig b, boolean bufferNoop, Duration timeout) {
        ProxyOptions opts = options(b);
        BackendHttpOptions errors = b.extra().get(BackendHttpNamespace.NAME, BackendHttpOptions.class)
                .orElse(BackendHttpOptions.DEFAULT);
        boolean sendBody = b.extra().get(BackendHttpNamespace.Client.NAME, Boolean.class).orElse(false);
        errors = new BackendHttpOptions(errors.returnErrorDetails(), errors.returnErrorCode(), sendBody,
                errors.maxResponseSize());
        boolean noop = "no-op".equals(b.encoding());
        EntityFormatter formatter = EntityFormatter.of(b.target(), b.allow(), b.deny(), b.mapping(), b.group(),
                opts.flatmap());
        UnaryOperator<Map<String, Object>> format = formatter::format;
        Proxy p = new HttpBackendProxy(http, b.method(), b.urlPattern(), noop,
                Decoder.forName(b.encoding(), b.isCollection(), json), format, errors, bufferNoop, stages.client(e, b));
        p = wrap(stages.backend(e, b), p);
        if (!b.inputHeaders().isEmpty()) p = new HeaderFilter(b.inputHeaders()).wrap(p);
        p = new BalancingMiddleware(balancer(b)).wrap(p);
        if (e.concurrentCalls() > 1) p = new ConcurrentMiddleware(scheduler, e.concurrentCalls(), timeout).wrap(p);
        p = new RequestBuilder(b.method(), b.urlPattern()).wrap(p);
        if (!b.inputQueryStrings().isEmpty()) p = new QueryStringFilter(b.inputQueryStrings()).wrap(p);
        return p;
    }

    private Balancer balancer(BackendConfig b) {
        if ("dns".equals(b.sd()) && !b.host().isEmpty()) {
            return new DnsSrvBalancer(vertx, b.host().get(0), b.sdScheme(), dnsCacheTtl);
        }
        return new RoundRobinBalancer(b.host());
    }

    private static ProxyOptions options(BackendConfig b) {
        return b.extra().get(ProxyNamespace.NAME, ProxyOptions.class).orElse(ProxyOptions.DEFAULT);
    }
}

package dev.kgw.spi;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.ProxyStages;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RequestTracer;
import dev.kgw.router.RouterStages;
import dev.kgw.router.ServerFilter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every namespace of one node, opened, and what they contribute, handed to the router and the proxy factory
 * already in {@link StageOrder}'s order. Also the namespaces' lifecycle: started in registration order, drained
 * together, stopped and closed in reverse order.
 */
public final class Pipeline implements RouterStages, ProxyStages {
    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

    private record Opened(String name, Extension extension) {}

    private record Contribution<T>(String name, T value) {}

    private final List<Opened> opened;

    private Pipeline(List<Opened> opened) { this.opened = List.copyOf(opened); }

    /**
     * Opens every namespace, in order. When one fails, those already open are closed (in reverse) and the failure
     * goes on: a node that cannot honour its file does not start.
     */
    public static Pipeline open(List<Namespace> namespaces, Node node) {
        List<Opened> opened = new ArrayList<>();
        try {
            for (Namespace ns : namespaces) {
                Extension e = ns.open(node);
                opened.add(new Opened(ns.name(), e == null ? Extension.NONE : e));
            }
        } catch (RuntimeException e) {
            new Pipeline(opened).close();
            throw e;
        }
        return new Pipeline(opened);
    }

    /** What acts at a stage, stable-sorted by the table: ties (unlisted names) keep registration order. */
    private <T> List<Contribution<T>> ordered(Stage stage, Function<Extension, T> ask) {
        List<Contribution<T>> out = new ArrayList<>();
        for (Opened o : opened) {
            T value = ask.apply(o.extension());
            if (value != null) out.add(new Contribution<>(o.name(), value));
        }
        out.sort(Comparator.comparingInt(c -> StageOrder.rank(stage, c.name())));
        return out;
    }

    private static <T> List<T> values(List<Contribution<T>> contributions) {
        return contributions.stream().map(Contribution::value).toList();
    }

    /**
     * The namespaces that act at a stage for one endpoint (and, for {@link Stage#BACKEND} and {@link Stage#CLIENT},
     * one of its backends), outermost first: what the built pipeline runs, for tests and diagnostics.
     */
    public List<String> actors(Stage stage, EndpointConfig endpoint, BackendConfig backend) {
        Function<Extension, ?> ask = switch (stage) {
            case SERVER -> Extension::serverFilter;
            case ENDPOINT -> x -> x.endpointFilter(endpoint);
            case PIPE -> x -> x.pipe(endpoint);
            case MERGED -> x -> x.merged(endpoint);
            case BACKEND -> x -> x.backend(endpoint, backend);
            case CLIENT -> x -> x.client(endpoint, backend);
            case OBSERVER -> Extension::observer;
            case TRACER -> Extension::tracer;
        };
        return ordered(stage, ask).stream().map(Contribution::name).toList();
    }

    @Override
    public List<ServerFilter> serverFilters() { return values(ordered(Stage.SERVER, Extension::serverFilter)); }

    @Override
    public List<EndpointFilter> endpointFilters(EndpointConfig e) {
        return values(ordered(Stage.ENDPOINT, x -> x.endpointFilter(e)));
    }

    @Override
    public RequestObserver observer() {
        RequestObserver[] each = values(ordered(Stage.OBSERVER, Extension::observer)).toArray(new RequestObserver[0]);
        if (each.length == 0) return null;
        if (each.length == 1) return each[0];
        return (ex, route, status, nanos) -> {
            for (RequestObserver o : each) o.onResponse(ex, route, status, nanos);
        };
    }

    @Override
    public RequestTracer tracer() {
        List<Contribution<RequestTracer>> all = ordered(Stage.TRACER, Extension::tracer);
        if (all.size() > 1) {
            // the trace context travels as one opaque value: two tracers would each expect their own
            throw new IllegalStateException("more than one namespace traces requests: "
                    + all.stream().map(Contribution::name).toList());
        }
        return all.isEmpty() ? null : all.get(0).value();
    }

    @Override
    public Middleware pipe(EndpointConfig e) { return Middleware.chain(values(ordered(Stage.PIPE, x -> x.pipe(e)))); }

    @Override
    public Middleware merged(EndpointConfig e) {
        return Middleware.chain(values(ordered(Stage.MERGED, x -> x.merged(e))));
    }

    @Override
    public Middleware backend(EndpointConfig e, BackendConfig b) {
        return Middleware.chain(values(ordered(Stage.BACKEND, x -> x.backend(e, b))));
    }

    @Override
    public ClientInterceptor client(EndpointConfig e, BackendConfig b) {
        return ClientInterceptor.chain(values(ordered(Stage.CLIENT, x -> x.client(e, b))));
    }

    /** Starts each namespace in registration order, each after the previous one started. */
    public Future<Void> start() {
        Future<Void> f = Future.succeededFuture();
        for (Opened o : opened) f = f.compose(v -> o.extension().start());
        return f;
    }

    /** The draining phase lasts until every namespace let it end. */
    public Future<Void> drain() {
        List<Future<Void>> all = new ArrayList<>();
        for (Opened o : opened) all.add(guard(o, "drain", () -> o.extension().drain()));
        return Future.join(all).mapEmpty();
    }

    /** Stops each namespace, in reverse order; a failing one is logged and the others still stop. */
    public Future<Void> stop() {
        Future<Void> f = Future.succeededFuture();
        for (int i = opened.size() - 1; i >= 0; i--) {
            Opened o = opened.get(i);
            f = f.eventually(() -> guard(o, "stop", () -> o.extension().stop()));
        }
        return f;
    }

    /** Closes each namespace, in reverse order, whatever the others do. */
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            Opened o = opened.get(i);
            try {
                o.extension().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "namespace " + o.name() + ": close failed: " + e, e);
            }
        }
    }

    private static Future<Void> guard(Opened o, String phase, java.util.function.Supplier<Future<Void>> step) {
        Future<Void> f;
        try {
            f = step.get();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        return f.recover(e -> {
            LOG.warning("namespace " + o.name() + ": " + phase + " failed: " + e.getMessage());
            return Future.succeededFuture();
        });
    }
}

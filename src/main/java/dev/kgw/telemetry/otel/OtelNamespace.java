package dev.kgw.telemetry.otel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Problems;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.ProxyStages;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RequestTracer;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code telemetry/opentelemetry} with krakend-otel's keys and defaults: the node's meters and tracer, and what
 * they measure at each layer (router observer and tracer, pipe and backend middlewares).
 */
public final class OtelNamespace implements Namespace {
    public static final String NAME = "telemetry/opentelemetry";

    @Override public String name() { return NAME; }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        String service = f.str("service_name", "krakend");
        Set<String> names = new HashSet<>();
        Fields exporters = f.object("exporters");
        List<OtelOptions.PrometheusExporter> prometheus = new ArrayList<>();
        exporters.eachObject("prometheus", e -> {
            int port = port(e, 9090);
            String name = uniqueName(e, "prometheus", names);
            prometheus.add(new OtelOptions.PrometheusExporter(name, e.str("listen_ip", "0.0.0.0"), port,
                    e.bool("disable_metrics", false), e.bool("process_metrics", false), e.bool("go_metrics", false)));
            e.warnUnknown();
        });
        List<OtelOptions.OtlpExporter> otlp = new ArrayList<>();
        exporters.eachObject("otlp", e -> {
            String name = uniqueName(e, "otlp", names);
            String host = e.str("host", "localhost");
            if (host.isBlank()) problems.error(e.path("host"), "must not be empty");
            boolean http = e.bool("use_http", false);
            int port = port(e, http ? 4318 : 4317);
            int period = e.integer("custom_metric_reporting_period", 0);
            if (period < 0) problems.error(e.path("custom_metric_reporting_period"), "must not be negative");
            otlp.add(new OtelOptions.OtlpExporter(name, host, port, http, e.bool("disable_metrics", false),
                    e.bool("disable_traces", false), period));
            e.warnUnknown();
        });
        exporters.warnUnknown();
        OtelOptions.Layers layers = layers(f.object("layers"));
        double rate = f.number("trace_sample_rate", 1);
        if (rate < 0 || rate > 1) problems.error(f.path("trace_sample_rate"), "must be between 0 and 1");
        int period = f.integer("metric_reporting_period", 30);
        if (period <= 0) problems.error(f.path("metric_reporting_period"), "must be a positive number of seconds");
        String version = f.str("service_version", "");
        String env = f.str("deploy_env", "");
        f.raw("histograms");
        Set<String> skip = new HashSet<>(f.has("skip_paths") ? f.strings("skip_paths") : OtelOptions.DEFAULT_SKIP_PATHS);
        skip.remove(""); // krakend-otel's way to say "skip nothing": a list with an empty string
        f.warnUnknown();
        return new OtelOptions(service, version, env, List.copyOf(prometheus), List.copyOf(otlp), layers,
                Set.copyOf(skip), period, rate);
    }

    private static int port(Fields e, int def) {
        int port = e.integer("port", def);
        if (port < 0 || port > 65535) e.problems().error(e.path("port"), "must be between 0 and 65535");
        return port;
    }

    /** krakend-otel rejects two exporters of the same name, whatever their kind. */
    private static String uniqueName(Fields e, String def, Set<String> names) {
        String name = e.str("name", def);
        if (!names.add(name)) e.problems().error(e.path("name"), "another exporter is already named \"" + name + "\"");
        return name;
    }

    private static OtelOptions.Layers layers(Fields l) {
        Fields g = l.object("global");
        OtelOptions.Stage global = new OtelOptions.Stage(!g.bool("disable_metrics", false),
                !g.bool("disable_traces", false), g.bool("report_headers", false));
        boolean noPropagation = g.bool("disable_propagation", false);
        ignoreDetail(g);
        g.warnUnknown();
        Fields p = l.object("proxy");
        OtelOptions.Stage proxy = new OtelOptions.Stage(!p.bool("disable_metrics", false),
                !p.bool("disable_traces", false), p.bool("report_headers", false));
        ignoreDetail(p);
        p.warnUnknown();
        Fields b = l.object("backend");
        Fields bm = b.object("metrics");
        Fields bt = b.object("traces");
        OtelOptions.Stage backend = new OtelOptions.Stage(!bm.bool("disable_stage", false),
                !bt.bool("disable_stage", false), bt.bool("report_headers", false));
        for (Fields x : List.of(bm, bt)) {
            // the finer round-trip detail of krakend-otel's instrumented Go transport has no equivalent here
            x.bool("round_trip", true);
            x.bool("read_payload", true);
            x.bool("detailed_connection", true);
            x.raw("static_attributes");
            x.raw("skip_headers");
            x.warnUnknown();
        }
        b.warnUnknown();
        l.warnUnknown();
        return new OtelOptions.Layers(global, noPropagation, proxy, backend);
    }

    private static void ignoreDetail(Fields stage) {
        stage.raw("skip_headers");
        stage.raw("metrics_static_attributes");
        stage.raw("traces_static_attributes");
        stage.str("semantic_convention", "");
    }

    @Override
    public Extension open(Node node) {
        OtelOptions options = node.config().extra().get(NAME, OtelOptions.class).orElse(null);
        if (options == null) return Extension.NONE;
        // the exporters bind ports and start threads: Pipeline.open closes them if a later namespace fails
        NodeTelemetry telemetry = new NodeTelemetry(options, node.config().fingerprint(), node.config().port(),
                node.metricsPort());
        telemetry.listener(node.listener());
        RequestObserver observer = telemetry.observer();
        RequestTracer tracer = telemetry.tracer();
        ProxyStages stages = telemetry.hooks();
        return new Extension() {
            @Override public RequestObserver observer() { return observer; }

            @Override public RequestTracer tracer() { return tracer; }

            @Override public Middleware pipe(EndpointConfig e) { return stages.pipe(e); }

            @Override public Middleware backend(EndpointConfig e, BackendConfig b) { return stages.backend(e, b); }

            @Override
            public Future<Void> start() {
                telemetry.counters(node.counters());
                return Future.succeededFuture();
            }

            /** After the event loops stopped, so the last request was counted and traced. */
            @Override public void close() { telemetry.close(); }
        };
    }
}

package dev.kgw.telemetry.otel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Namespace;
import dev.kgw.config.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code telemetry/opentelemetry}; what is not built yet (OTLP, traces) is reported as a warning. */
public final class OtelNamespace implements Namespace {
    public static final String NAME = "telemetry/opentelemetry";

    @Override public String name() { return NAME; }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        String service = f.str("service_name", "krakend");
        List<OtelOptions.PrometheusExporter> prometheus = new ArrayList<>();
        Fields exporters = f.object("exporters");
        exporters.eachObject("prometheus", e -> {
            int port = e.integer("port", 9090);
            if (port < 0 || port > 65535) problems.error(e.path("port"), "must be between 0 and 65535");
            prometheus.add(new OtelOptions.PrometheusExporter(e.str("name", "prometheus"), e.str("listen_ip", "0.0.0.0"),
                    port));
            e.bool("process_metrics", false);
            e.bool("go_metrics", false);
            e.warnUnknown();
        });
        if (exporters.has("otlp")) {
            problems.warn(exporters.path("otlp"), "OTLP export is not supported yet: ignored");
            exporters.raw("otlp");
        }
        exporters.warnUnknown();
        f.raw("layers");
        f.number("trace_sample_rate", 1);
        f.integer("metric_reporting_period", 30);
        f.str("service_version", "");
        f.str("deploy_env", "");
        f.raw("histograms");
        Set<String> skip = f.has("skip_paths") ? new HashSet<>(f.strings("skip_paths")) : OtelOptions.DEFAULT_SKIP_PATHS;
        f.warnUnknown();
        return new OtelOptions(service, List.copyOf(prometheus), Set.copyOf(skip));
    }
}

package dev.kgw.telemetry.otel;

import java.util.List;
import java.util.Set;

/** {@code telemetry/opentelemetry}, as krakend-otel reads it, with its defaults filled in. */
public record OtelOptions(String serviceName, String serviceVersion, String deployEnv,
                          List<PrometheusExporter> prometheus, List<OtlpExporter> otlp, Layers layers,
                          Set<String> skipPaths, int metricReportingPeriodSeconds, double traceSampleRate) {

    /**
     * @param processMetrics the process's CPU, memory, file descriptors, as Prometheus' process collector names them
     * @param runtimeMetrics {@code go_metrics}: here the JVM's heap, threads and collections
     */
    public record PrometheusExporter(String name, String listenIp, int port, boolean disableMetrics,
                                     boolean processMetrics, boolean runtimeMetrics) {}

    /**
     * @param host a host name, or {@code http://host} / {@code https://host} (TLS only with https)
     * @param metricPeriodSeconds 0: the service's {@code metric_reporting_period}
     */
    public record OtlpExporter(String name, String host, int port, boolean useHttp, boolean disableMetrics,
                               boolean disableTraces, int metricPeriodSeconds) {
        /** The collector's base URL: http unless the host says https. */
        public String endpoint() {
            String h = host.replaceAll("/+$", "");
            if (h.startsWith("http://") || h.startsWith("https://")) return h + ":" + port;
            return "http://" + h + ":" + port;
        }
    }

    /** What each stage reports: the router ("global"), the endpoint pipe ("proxy") and each backend call. */
    public record Layers(Stage global, boolean disablePropagation, Stage proxy, Stage backend) {
        public static final Layers DEFAULT = new Layers(Stage.ON, false, Stage.ON, Stage.ON);
    }

    public record Stage(boolean metrics, boolean traces, boolean reportHeaders) {
        public static final Stage ON = new Stage(true, true, false);
    }

    /** KrakenD's defaults: the built-in endpoints are not measured. */
    public static final Set<String> DEFAULT_SKIP_PATHS = Set.of("/__health", "/__debug/*", "/__echo/*", "/__stats");

    public boolean exportsTraces() {
        return otlp.stream().anyMatch(e -> !e.disableTraces());
    }

    public boolean processMetrics() {
        return prometheus.stream().anyMatch(e -> !e.disableMetrics() && e.processMetrics());
    }

    public boolean runtimeMetrics() {
        return prometheus.stream().anyMatch(e -> !e.disableMetrics() && e.runtimeMetrics());
    }

    public boolean exportsMetrics() {
        return otlp.stream().anyMatch(e -> !e.disableMetrics()) || prometheus.stream().anyMatch(e -> !e.disableMetrics());
    }

    /** Whether a path (request path or endpoint pattern) is left out: exact, or under a {@code /*} prefix. */
    public boolean skips(String path) {
        if (skipPaths.contains(path)) return true;
        for (String p : skipPaths) {
            // regionMatches, not substring: this runs for every request and must not allocate
            if (p.endsWith("/*") && path.regionMatches(0, p, 0, p.length() - 1)) return true;
            if (p.endsWith("/") && p.length() > 1 && path.startsWith(p)) return true;
        }
        return false;
    }
}

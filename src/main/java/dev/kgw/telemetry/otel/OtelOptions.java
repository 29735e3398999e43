package dev.kgw.telemetry.otel;

import java.util.List;
import java.util.Set;

/** {@code telemetry/opentelemetry}, the parts this build acts on: the service name, Prometheus exporters, skip paths. */
public record OtelOptions(String serviceName, List<PrometheusExporter> prometheus, Set<String> skipPaths) {
    public record PrometheusExporter(String name, String listenIp, int port) {}

    /** KrakenD's defaults: the built-in endpoints are not measured. */
    public static final Set<String> DEFAULT_SKIP_PATHS = Set.of("/__health", "/__debug/*", "/__echo/*", "/__stats");
}

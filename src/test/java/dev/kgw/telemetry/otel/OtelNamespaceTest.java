package dev.kgw.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtelNamespaceTest {
    private final Problems problems = new Problems();

    private OtelOptions parse(String json) throws Exception {
        return (OtelOptions) new OtelNamespace().parse(new ObjectMapper().readTree(json), "$.otel", problems);
    }

    @Test
    void krakendOtelDefaults() throws Exception {
        OtelOptions o = parse("{\"exporters\": {\"otlp\": [{\"host\": \"collector\"}, "
                + "{\"name\": \"h\", \"host\": \"https://collector\", \"use_http\": true}]}}");
        assertEquals(List.of(), problems.all());
        assertEquals("krakend", o.serviceName());
        assertEquals(30, o.metricReportingPeriodSeconds());
        assertEquals(1.0, o.traceSampleRate());
        assertEquals(OtelOptions.Layers.DEFAULT, o.layers());
        assertEquals("http://collector:4317", o.otlp().get(0).endpoint(), "gRPC, without TLS unless https");
        assertEquals("https://collector:4318", o.otlp().get(1).endpoint());
        assertTrue(o.exportsTraces() && o.exportsMetrics());
        assertTrue(o.skips("/__health") && o.skips("/__debug/x") && !o.skips("/users"));
    }

    @Test
    void layersTurnStagesOff() throws Exception {
        OtelOptions o = parse("""
            {"skip_paths": [""], "layers": {"global": {"disable_traces": true, "disable_propagation": true},
              "proxy": {"disable_metrics": true}, "backend": {"traces": {"disable_stage": true}}}}""");
        assertEquals(new OtelOptions.Layers(new OtelOptions.Stage(true, false, false), true,
                new OtelOptions.Stage(false, true, false), new OtelOptions.Stage(true, false, false)), o.layers());
        assertFalse(o.skips("/__health"), "a list with an empty string skips nothing");
        assertFalse(o.exportsTraces() || o.exportsMetrics(), "no exporter");
    }

    @Test
    void mistakesAreErrorsWithTheirPath() throws Exception {
        parse("""
            {"trace_sample_rate": 2, "metric_reporting_period": 0,
             "exporters": {"otlp": [{"name": "x", "port": 70000}], "prometheus": [{"name": "x"}]}}""");
        assertEquals(List.of("$.otel.exporters.otlp[0].name", "$.otel.exporters.otlp[0].port",
                "$.otel.trace_sample_rate", "$.otel.metric_reporting_period"),
                problems.errors().stream().map(Problem::path).toList());
    }
}

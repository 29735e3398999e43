package dev.kgw.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {
    private static SamplingDecision decide(Sampler s, Context parent, String traceId) {
        return s.shouldSample(parent, traceId, "GET /", SpanKind.SERVER, Attributes.empty(), List.of()).getDecision();
    }

    private static Context caller(String traceId, boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(traceId, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    @Test
    void zeroAndOneRecordEverythingAsKrakenDDoes() {
        String id = "4bf92f3577b34da6ffffffffffffffff";
        for (double rate : new double[] {0, 1}) {
            assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(TraceSampling.of(rate), Context.root(), id));
            assertEquals(SamplingDecision.RECORD_AND_SAMPLE,
                    decide(TraceSampling.of(rate), caller(id, false), id), "a caller's decision is not asked");
        }
    }

    @Test
    void aRateInBetweenComparesTheTraceIdLikeGo() {
        Sampler half = TraceSampling.of(0.5);
        // last 8 bytes >> 1 against 0.5 × 2^63 = 2^62
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(half, Context.root(), "ffffffffffffffff7ffffffffffffffe"));
        assertEquals(SamplingDecision.DROP, decide(half, Context.root(), "00000000000000008000000000000000"));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(half, Context.root(), "00000000000000000000000000000001"));
        assertEquals(SamplingDecision.DROP, decide(half, Context.root(), "0000000000000000ffffffffffffffff"));
    }

    @Test
    void aRateInBetweenFollowsTheCaller() {
        Sampler low = TraceSampling.of(0.000001);
        String id = "4bf92f3577b34da6ffffffffffffffff"; // far above the bound: dropped as a new trace
        assertEquals(SamplingDecision.DROP, decide(low, Context.root(), id));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(low, caller(id, true), id));
        assertEquals(SamplingDecision.DROP, decide(TraceSampling.of(0.999), caller("00000000000000000000000000000001", false),
                "00000000000000000000000000000001"));
    }
}

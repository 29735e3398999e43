package dev.kgw.telemetry.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * {@code trace_sample_rate} as krakend-otel applies it: a rate strictly between 0 and 1 samples new traces by
 * trace id and follows a caller's decision; any other value (0 included, a quirk kept for the same file to behave
 * the same) records every trace. The ratio test is Go's {@code TraceIDRatioBased} bit for bit, so kgw and KrakenD
 * nodes serving one trace agree on it.
 */
final class TraceSampling {
    private TraceSampling() {}

    static Sampler of(double rate) {
        if (rate <= 0 || rate >= 1) return Sampler.alwaysOn();
        return Sampler.parentBased(new GoRatio(rate));
    }

    private static final class GoRatio implements Sampler {
        private final long upperBound;
        private final String description;

        GoRatio(double rate) {
            this.upperBound = (long) (rate * (double) (1L << 62) * 2); // rate × 2^63, below Long.MAX_VALUE
            this.description = "TraceIDRatioBased{" + rate + "}";
        }

        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                           Attributes attributes, List<LinkData> links) {
            // the trace id's last 8 bytes as an unsigned number, shifted right once
            long x = Long.parseUnsignedLong(traceId.substring(16), 16) >>> 1;
            return x < upperBound ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }

        @Override
        public String getDescription() { return description; }
    }
}

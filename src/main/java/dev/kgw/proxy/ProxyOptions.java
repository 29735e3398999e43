package dev.kgw.proxy;

import dev.kgw.proxy.transform.FlatmapFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code proxy} namespace of an endpoint or a backend, parsed once. */
public record ProxyOptions(
        boolean sequential,
        List<String> sequentialPropagatedParams,
        StaticMiddleware.Strategy staticStrategy,
        Map<String, Object> staticData,
        FlatmapFilter flatmap,
        boolean shadow,
        Duration shadowTimeout,
        /** The endpoint's own request-body bound (KrakenD EE's {@code max_payload}); 0 when it sets none. */
        long maxPayload) {

    public static final ProxyOptions DEFAULT =
            new ProxyOptions(false, List.of(), null, null, null, false, Duration.ZERO, 0);
}

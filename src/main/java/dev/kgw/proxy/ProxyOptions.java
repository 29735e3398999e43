package dev.kgw.proxy;

import dev.kgw.proxy.transform.FlatmapFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code proxy} namespace of an endpoint or a backend, parsed once. */
public record ProxyOptions(
        boolean sequential,
        List<String> sequentialPropagatedParams,
        StaticProxy.Strategy staticStrategy,
        Map<String, Object> staticData,
        FlatmapFilter flatmap,
        boolean shadow,
        Duration shadowTimeout) {

    public static final ProxyOptions DEFAULT =
            new ProxyOptions(false, List.of(), null, null, null, false, Duration.ZERO);
}

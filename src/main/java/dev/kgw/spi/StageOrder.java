package dev.kgw.spi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of who acts where and in which order, mirroring how KrakenD CE stacks its factories
 * ({@code executor.go}, {@code handler_factory.go}, {@code proxy_factory.go}, {@code backend_factory.go}): in each
 * stage the first name listed is outermost, so it runs first on the way in and last on the way out. So a JWT
 * rejection comes before the endpoint's rate limit, and a backend rate limit sits inside the circuit breaker (its
 * rejections count as the breaker's failures), as in KrakenD.
 * <p>
 * Names not built yet are listed where KrakenD puts them, so adding one changes no order. A namespace that is not
 * listed (a plugin's) acts after all the listed ones of its stage, in registration order; a test checks that every
 * built-in contribution is listed.
 */
public final class StageOrder {
    private StageOrder() {}

    private static final Map<Stage, List<String>> ORDER = new EnumMap<>(Map.of(
            Stage.SERVER, List.of("security/cors", "security/http", "modifier/lua-endpoint",
                    "security/bot-detector"),
            Stage.ENDPOINT, List.of("security/bot-detector", "auth/validator", "modifier/lua-endpoint",
                    "qos/ratelimit/router/redis", "qos/ratelimit/router"),
            Stage.PIPE, List.of("auth/signer", "telemetry/opentelemetry", "telemetry/metrics", "modifier/lua-proxy",
                    "validation/cel", "validation/json-schema"),
            Stage.MERGED, List.of(),
            Stage.BACKEND, List.of("telemetry/opentelemetry", "telemetry/metrics", "qos/circuit-breaker",
                    "qos/ratelimit/proxy", "modifier/lua-backend", "validation/cel", "modifier/martian"),
            Stage.CLIENT, List.of("auth/client-credentials", "qos/http-cache"),
            Stage.OBSERVER, List.of("telemetry/logging", "telemetry/opentelemetry", "telemetry/influx",
                    "telemetry/metrics"),
            Stage.TRACER, List.of("telemetry/opentelemetry")));

    /** The namespaces of a stage, outermost first. */
    public static List<String> of(Stage stage) { return ORDER.get(stage); }

    /** Where a namespace sorts in a stage: its place in the table, or after every listed one. */
    static int rank(Stage stage, String namespace) {
        int i = ORDER.get(stage).indexOf(namespace);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}

package dev.kgw.spi;

/**
 * Where a namespace can act, in the order a request meets them (KrakenD CE's factory stack, outermost first).
 * {@link StageOrder} says which namespaces act in each, and in what order.
 */
public enum Stage {
    /** Before routing, every request, also for paths with no endpoint: CORS, security headers, bot detector. */
    SERVER,
    /** After routing, before the pipeline; may reject or write attributes: JWT, bot detector, rate limits. */
    ENDPOINT,
    /** Around the whole endpoint pipe, before the split to backends: telemetry, Lua proxy, CEL, JSON Schema. */
    PIPE,
    /** Around the merge, inside static data: sees the merged answer. */
    MERGED,
    /** Around one backend, after its host was picked: telemetry, circuit breaker, proxy rate limit, Lua, CEL. */
    BACKEND,
    /** Around each HTTP exchange of a backend: client credentials, HTTP cache. */
    CLIENT,
    /** Told about every answered request: access log, metrics. */
    OBSERVER,
    /** Opens every request's trace. */
    TRACER
}

package dev.kgw.qos.httpcache;

/**
 * {@code qos/http-cache} of one backend. {@code maxItems}/{@code maxBytes} are the bounds in force: the file's when
 * it gives both, else this node's defaults (KrakenD keeps every answer then, without a bound).
 */
public record CacheOptions(boolean shared, long maxItems, long maxBytes, boolean bounded) {}

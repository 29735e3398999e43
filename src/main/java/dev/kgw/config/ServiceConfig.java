package dev.kgw.config;

import java.time.Duration;
import java.util.List;

/**
 * The root of a {@code krakend.json} ({@code "version": 3}) after parsing, defaults and validation.
 * {@code fingerprint} identifies the effective file (see {@link ConfigFingerprint}).
 */
public record ServiceConfig(
        String name,
        int port,
        String listenIp,
        List<String> host,
        Duration timeout,
        Duration cacheTtl,
        String outputEncoding,
        boolean debugEndpoint,
        boolean echoEndpoint,
        boolean disableRest,
        ServerSettings server,
        ClientSettings client,
        Duration dnsCacheTtl,
        Duration maxShutdownWaitTime,
        List<EndpointConfig> endpoints,
        ExtraConfig extra,
        String fingerprint) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public ServiceConfig withPort(int newPort) {
        return new ServiceConfig(name, newPort, listenIp, host, timeout, cacheTtl, outputEncoding, debugEndpoint,
                echoEndpoint, disableRest, server, client, dnsCacheTtl, maxShutdownWaitTime, endpoints, extra, fingerprint);
    }

    public ServiceConfig withDebug(boolean debug) {
        return new ServiceConfig(name, port, listenIp, host, timeout, cacheTtl, outputEncoding, debug || debugEndpoint,
                echoEndpoint, disableRest, server, client, dnsCacheTtl, maxShutdownWaitTime, endpoints, extra,
                fingerprint);
    }
}

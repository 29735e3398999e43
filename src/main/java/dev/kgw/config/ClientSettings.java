package dev.kgw.config;

import java.time.Duration;

/** The HTTP transport shared by every backend call (KrakenD's root transport keys and {@code client_tls}). */
public record ClientSettings(
        Duration dialerTimeout,
        Duration dialerKeepAlive,
        boolean disableKeepAlives,
        boolean disableCompression,
        int maxIdleConnections,
        int maxIdleConnectionsPerHost,
        Duration idleConnectionTimeout,
        Duration responseHeaderTimeout,
        Duration expectContinueTimeout,
        TlsSettings tls) {

    public static final int DEFAULT_MAX_IDLE_CONNECTIONS_PER_HOST = 250;
}

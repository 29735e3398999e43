package dev.kgw.config;

import java.time.Duration;

/** The listener's settings; zero durations mean "no limit", as in Go's {@code http.Server}. */
public record ServerSettings(
        Duration readTimeout,
        Duration writeTimeout,
        Duration idleTimeout,
        Duration readHeaderTimeout,
        int maxHeaderBytes,
        boolean useH2c,
        TlsSettings tls) {

    public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;
}

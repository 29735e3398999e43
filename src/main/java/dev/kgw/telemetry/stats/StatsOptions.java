package dev.kgw.telemetry.stats;

import java.time.Duration;

/**
 * {@code telemetry/metrics}: the histogram window, where {@code /__stats} listens ({@code host} empty means every
 * interface) and which layers are left out.
 */
public record StatsOptions(Duration collectionTime, String host, int port, boolean routerDisabled,
                           boolean proxyDisabled, boolean backendDisabled, boolean endpointDisabled) {}

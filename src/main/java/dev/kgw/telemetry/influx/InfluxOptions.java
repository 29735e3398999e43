package dev.kgw.telemetry.influx;

import java.time.Duration;

/** {@code telemetry/influx}: where and how often a node pushes its counters to InfluxDB 1.x. */
public record InfluxOptions(String address, String db, Duration ttl, int bufferSize, String username, String password) {}

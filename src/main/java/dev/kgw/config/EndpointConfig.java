package dev.kgw.config;

import java.time.Duration;
import java.util.List;

/**
 * One endpoint object: a public path and method, answered by one or more backends.
 * {@code jsonPath} says where it came from, for messages that point the operator at the file.
 */
public record EndpointConfig(
        String endpoint,
        String method,
        List<BackendConfig> backends,
        Duration timeout,
        Duration cacheTtl,
        int concurrentCalls,
        List<String> inputHeaders,
        List<String> inputQueryStrings,
        String outputEncoding,
        ExtraConfig extra,
        String jsonPath) {
}

package dev.kgw.config;

import java.util.List;
import java.util.Map;

/** One backend of an endpoint: where to call and how to shape what comes back. */
public record BackendConfig(
        List<String> host,
        String urlPattern,
        String method,
        String encoding,
        String group,
        String target,
        List<String> allow,
        List<String> deny,
        Map<String, String> mapping,
        boolean isCollection,
        String sd,
        String sdScheme,
        boolean disableHostSanitize,
        List<String> inputHeaders,
        List<String> inputQueryStrings,
        ExtraConfig extra,
        String jsonPath) {
}

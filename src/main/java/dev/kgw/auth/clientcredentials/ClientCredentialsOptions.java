package dev.kgw.auth.clientcredentials;

import java.util.List;
import java.util.Map;

/**
 * One backend's {@code auth/client-credentials}.
 *
 * @param scopes         the comma-separated {@code scopes} split on commas; {@code [""]} when absent, so an empty
 *                       {@code scope} is sent, as KrakenD does
 * @param endpointParams extra form values sent to the token endpoint
 */
public record ClientCredentialsOptions(String clientId, String clientSecret, String tokenUrl, List<String> scopes,
                                       Map<String, List<String>> endpointParams) {}

package dev.kgw.config;

import java.util.List;

/**
 * TLS for the listener ({@code tls}) or toward backends ({@code client_tls}). Versions use KrakenD's names
 * ({@code TLS12}, {@code TLS13}); cipher suites are the IANA ids KrakenD takes.
 */
public record TlsSettings(
        boolean disabled,
        List<KeyPair> keys,
        String minVersion,
        String maxVersion,
        List<Integer> cipherSuites,
        boolean enableMtls,
        List<String> caCerts,
        boolean disableSystemCaPool,
        boolean allowInsecureConnections) {

    public record KeyPair(String publicKey, String privateKey) {}

    public static TlsSettings none() {
        return new TlsSettings(true, List.of(), "TLS13", "TLS13", List.of(), false, List.of(), false, false);
    }
}

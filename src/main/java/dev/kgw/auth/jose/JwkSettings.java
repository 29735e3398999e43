package dev.kgw.auth.jose;

import java.util.List;

/**
 * How to reach one key set, as both {@code auth/validator} and {@code auth/signer} configure it. Two endpoints with
 * equal settings share one source (one download, one cache), which is what KrakenD's shared cache is for.
 *
 * @param fingerprints base64url SHA-256 pins of a certificate's public key, already decoded
 */
public record JwkSettings(String url, String localPath, boolean insecure, String localCa,
                          List<String> fingerprints, List<Integer> cipherSuites, KeyIdStrategy strategy) {
    public JwkSettings {
        fingerprints = List.copyOf(fingerprints);
        cipherSuites = List.copyOf(cipherSuites);
    }

    public boolean remote() { return localPath.isEmpty(); }
}

package dev.kgw.auth.jose;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * {@code key_identify_strategy}: which header of a token names its key, and how each key of a set is named the
 * same way (krakend-jose's {@code KeyIDGetterFactory} / {@code TokenIDGetterFactory}). The x5t strategies fall
 * back to the token's {@code kid} when the header is absent, as KrakenD does; on keys the thumbprint is taken from
 * {@code x5t}/{@code x5t#S256}, or computed from the first {@code x5c} certificate.
 */
public enum KeyIdStrategy {
    KID("kid"), X5T("x5t"), X5T_S256("x5t#S256"), KID_X5T("kid_x5t");

    private final String configName;

    KeyIdStrategy(String configName) { this.configName = configName; }

    public String configName() { return configName; }

    public static Optional<KeyIdStrategy> named(String name) {
        for (KeyIdStrategy s : values()) if (s.configName.equals(name)) return Optional.of(s);
        return Optional.empty();
    }

    public String ofToken(CompactJws token) {
        String kid = orEmpty(token.headerString("kid"));
        return switch (this) {
            case KID -> kid;
            case X5T -> orDefault(token.headerString("x5t"), kid);
            case X5T_S256 -> orDefault(token.headerString("x5t#S256"), kid);
            case KID_X5T -> kid + orDefault(token.headerString("x5t"), kid);
        };
    }

    public String ofKey(JWK key) {
        String kid = orEmpty(key.getKeyID());
        return switch (this) {
            case KID -> kid;
            case X5T -> thumbprint(key, false);
            case X5T_S256 -> thumbprint(key, true);
            case KID_X5T -> kid + thumbprint(key, false);
        };
    }

    @SuppressWarnings("deprecation") // x5t is SHA-1 by definition (RFC 7517 §4.8)
    private static String thumbprint(JWK key, boolean sha256) {
        Base64URL given = sha256 ? key.getX509CertSHA256Thumbprint() : key.getX509CertThumbprint();
        if (given != null) return raw(given.decode());
        List<Base64> chain = key.getX509CertChain();
        if (chain == null || chain.isEmpty()) return "";
        try {
            return raw(MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1").digest(chain.get(0).decode()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's {@code base64.RawURLEncoding}: re-encoded, so a padded spelling in the set still matches. */
    private static String raw(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    private static String orDefault(String s, String def) { return s == null ? def : s; }
}

package dev.kgw.auth.jose;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms KrakenD accepts for {@code alg} (krakend-jose's {@code supportedAlgorithms}); {@code none}
 * is not one of them, so an unsigned token can never match the configured algorithm.
 */
public enum JwsAlgorithm {
    HS256(Family.HMAC, "HmacSHA256", null), HS384(Family.HMAC, "HmacSHA384", null),
    HS512(Family.HMAC, "HmacSHA512", null),
    RS256(Family.RSA, null, null), RS384(Family.RSA, null, null), RS512(Family.RSA, null, null),
    PS256(Family.RSA, null, null), PS384(Family.RSA, null, null), PS512(Family.RSA, null, null),
    ES256(Family.EC, null, "P-256"), ES384(Family.EC, null, "P-384"), ES512(Family.EC, null, "P-521"),
    EdDSA(Family.OKP, null, "Ed25519");

    /** The key type ({@code kty}) an algorithm needs. */
    public enum Family { HMAC, RSA, EC, OKP }

    private final Family family;
    private final String mac;
    private final String curve;

    JwsAlgorithm(Family family, String mac, String curve) {
        this.family = family;
        this.mac = mac;
        this.curve = curve;
    }

    public Family family() { return family; }

    /** The JCA MAC name of an HMAC algorithm. */
    String mac() { return mac; }

    /** The curve an EC or OKP key must be on. */
    String curve() { return curve; }

    /** Exactly as written in the file and in a token header: names are case-sensitive, as in go-jose. */
    public static Optional<JwsAlgorithm> named(String name) {
        for (JwsAlgorithm a : values()) if (a.name().equals(name)) return Optional.of(a);
        return Optional.empty();
    }

    public static String names() { return String.join(", ", Arrays.stream(values()).map(Enum::name).toList()); }
}

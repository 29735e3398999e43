package dev.kgw.auth.jose;

import java.util.List;
import java.util.Map;

/**
 * The registered-claim checks KrakenD makes (go-jose's {@code Claims.ValidateWithLeeway}): the issuer must match
 * exactly when one is configured, every configured audience must be in {@code aud}, and {@code nbf}, {@code exp},
 * {@code iat} are checked when present, each with the leeway ({@code iat} in the future is refused). A registered
 * claim of the wrong type fails, as go-jose fails to decode it.
 *
 * @param leewaySeconds at least 1, as KrakenD's validator makes it
 */
public record ClaimRules(String issuer, List<String> audience, long leewaySeconds) {
    public ClaimRules {
        audience = List.copyOf(audience);
        leewaySeconds = Math.max(1, leewaySeconds);
    }

    /** @throws InvalidTokenException naming the failed rule */
    public void check(Map<String, Object> claims, long nowSeconds) throws InvalidTokenException {
        Object iss = claims.get("iss");
        if (iss != null && !(iss instanceof String)) throw new InvalidTokenException("iss is not a string");
        if (!issuer.isEmpty() && !issuer.equals(iss)) throw new InvalidTokenException("invalid issuer");
        if (!audience.isEmpty()) {
            List<String> aud = audienceOf(claims.get("aud"));
            for (String a : audience) if (!aud.contains(a)) throw new InvalidTokenException("invalid audience");
        } else {
            audienceOf(claims.get("aud")); // a malformed aud fails decoding in go-jose even when unchecked
        }
        Long nbf = seconds(claims, "nbf");
        if (nbf != null && nowSeconds + leewaySeconds < nbf) throw new InvalidTokenException("token not valid yet");
        Long exp = seconds(claims, "exp");
        if (exp != null && nowSeconds - leewaySeconds > exp) throw new InvalidTokenException("token is expired");
        Long iat = seconds(claims, "iat");
        if (iat != null && nowSeconds + leewaySeconds < iat) throw new InvalidTokenException("token issued in the future");
    }

    /** Until when (epoch seconds) a token that passes now keeps passing, or {@link Long#MAX_VALUE}. */
    public long validUntil(Map<String, Object> claims) {
        Object exp = claims.get("exp");
        return exp instanceof Double d ? (long) Math.floor(d) + leewaySeconds : Long.MAX_VALUE;
    }

    private static List<String> audienceOf(Object aud) throws InvalidTokenException {
        if (aud == null) return List.of();
        if (aud instanceof String s) return List.of(s);
        List<String> words = aud instanceof List<?> ? Claims.words(aud) : null;
        if (words == null) throw new InvalidTokenException("aud is neither a string nor an array of strings");
        return words;
    }

    /** go-jose's NumericDate: a JSON number, truncated to whole seconds. */
    private static Long seconds(Map<String, Object> claims, String name) throws InvalidTokenException {
        Object v = claims.get(name);
        if (v == null) return null;
        if (!(v instanceof Double d) || d.isNaN() || d.isInfinite()) {
            throw new InvalidTokenException(name + " is not a number");
        }
        return (long) (double) d;
    }
}

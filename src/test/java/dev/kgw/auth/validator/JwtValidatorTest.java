package dev.kgw.auth.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.KeyIdStrategy;
import dev.kgw.auth.jose.KeySet;
import dev.kgw.auth.jose.LocalKeySource;
import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Rejection;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator against the known attacks on JWT checks, and its normal path: each bad token is a 401 (roles and
 * scopes a 403), a good one passes with its claims propagated over whatever the client sent.
 */
class JwtValidatorTest {
    private static final long NOW = 1_800_000_000L;
    private static RSAKey rsa;
    private static ECKey ec;
    private static OctetSequenceKey hmac;

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final VerifiedTokens verified = new VerifiedTokens(1 << 20, nanos::get);

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
        hmac = new OctetSequenceKeyGenerator(256).keyID("hs1").generate();
    }

    private static ValidatorOptions options(JwsAlgorithm alg, List<String> roles, List<List<String>> propagate) {
        return new ValidatorOptions(alg, new JwkSettings("", "keys.json", false, "", List.of(), List.of(),
                KeyIdStrategy.KID), Duration.ZERO, Duration.ofSeconds(10),
                new ClaimRules("https://issuer", List.of("api"), 1), roles, "roles", false, List.of("read"), "scope",
                false, propagate, false, "access_token", "Authorization", true);
    }

    private JwtValidator validator(ValidatorOptions o) throws Exception {
        String set = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), hmac)).toString(false);
        LocalKeySource keys = new LocalKeySource(KeySet.parse(set.getBytes(StandardCharsets.UTF_8), KeyIdStrategy.KID));
        return new JwtValidator(null, o, "/private", List.of(keys), verified, List.of("sub"), 1000, () -> NOW, nanos::get,
                new RateLimitedLog(Logger.getLogger("test"), Duration.ofSeconds(10)));
    }

    private static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer("https://issuer").audience("api").subject("ada")
                .expirationTime(new Date((NOW + 600) * 1000)).claim("roles", List.of("admin"))
                .claim("scope", "read write");
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa1").build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    private static int status(Future<Void> f) {
        assertTrue(f.isComplete(), "a local key set answers at once");
        if (f.succeeded()) return 200;
        return f.cause() instanceof Rejection r ? r.status() : 500;
    }

    private int check(JwtValidator v, String token) {
        return status(v.filter(new FakeExchange().header("Authorization", "Bearer " + token)));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodTokenPassesAndItsClaimsReplaceSpoofedHeaders() throws Exception {
        JwtValidator v = validator(options(JwsAlgorithm.RS256, List.of("admin"), List.of(List.of("sub", "X-User"))));
        FakeExchange ex = new FakeExchange().header("Authorization", "bearer " + rs256(good().build()))
                .header("X-User", "mallory");
        assertEquals(200, status(v.filter(ex)));
        assertEquals(List.of("ada"), ex.headers("X-User"), "the client's X-User is replaced, not added to");
        assertEquals("ada", ex.params.get("JWT.sub"));
        assertEquals("ada", ex.attributes.get(JwtValidator.CLAIMS).get("sub"));
    }

    @Test
    void aTokenInTheCookieOrWithoutBearerIsTaken() throws Exception {
        JwtValidator v = validator(options(JwsAlgorithm.RS256, List.of(), List.of()));
        String t = rs256(good().build());
        assertEquals(200, status(v.filter(new FakeExchange().header("Cookie", "a=b; access_token=" + t))));
        assertEquals(200, status(v.filter(new FakeExchange().header("Authorization", t))));
        assertEquals(401, status(v.filter(new FakeExchange())), "no token");
    }

    @Test
    void theAttackSetIsRefused() throws Exception {
        JwtValidator v = validator(options(JwsAlgorithm.RS256, List.of(), List.of()));
        String good = rs256(good().build());
        String[] parts = good.split("\\.");
        // alg none, with and without a kid
        assertEquals(401, check(v, b64("{\"alg\":\"none\"}") + "." + parts[1] + "."));
        assertEquals(401, check(v, b64("{\"alg\":\"none\",\"kid\":\"rsa1\"}") + "." + parts[1] + "."));
        // HS256 signed with the RSA public key's bytes (algorithm confusion) and with an HMAC key the set holds
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa1").build(), good().build());
        confused.sign(new MACSigner(rsa.toPublicKey().getEncoded()));
        assertEquals(401, check(v, confused.serialize()));
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("hs1").build(), good().build());
        hs.sign(new MACSigner(hmac));
        assertEquals(401, check(v, hs.serialize()), "the token's alg must be the configured one");
        // RS256 header naming the EC key: a key of the wrong type for the alg
        SignedJWT wrongKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec1").build(), good().build());
        wrongKey.sign(new RSASSASigner(rsa));
        assertEquals(401, check(v, wrongKey.serialize()));
        // expired, not yet valid, issued in the future
        assertEquals(401, check(v, rs256(good().expirationTime(new Date((NOW - 5) * 1000)).build())));
        assertEquals(401, check(v, rs256(good().notBeforeTime(new Date((NOW + 60) * 1000)).build())));
        assertEquals(401, check(v, rs256(good().issueTime(new Date((NOW + 60) * 1000)).build())));
        // wrong or missing audience, wrong issuer
        assertEquals(401, check(v, rs256(good().audience("other").build())));
        assertEquals(401, check(v, rs256(good().audience((String) null).build())));
        assertEquals(401, check(v, rs256(good().issuer("https://evil").build())));
        // tampered payload, unknown kid, garbage, a huge token
        assertEquals(401, check(v, parts[0] + "." + b64("{\"iss\":\"https://issuer\",\"aud\":\"api\",\"sub\":\"root\"}")
                + "." + parts[2]));
        SignedJWT unknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nope").build(), good().build());
        unknown.sign(new RSASSASigner(rsa));
        assertEquals(401, check(v, unknown.serialize()));
        assertEquals(401, check(v, "garbage"));
        assertEquals(401, check(v, parts[0] + "." + "A".repeat(1 << 20) + "." + parts[2]));
    }

    @Test
    void rolesAndScopesAre403() throws Exception {
        JwtValidator v = validator(options(JwsAlgorithm.RS256, List.of("admin", "ops"), List.of()));
        assertEquals(403, check(v, rs256(good().claim("roles", List.of("user")).build())));
        assertEquals(403, check(v, rs256(good().claim("roles", List.of(1, 2)).build())), "KrakenD panics (500)");
        assertEquals(403, check(v, rs256(good().claim("scope", "write").build())));
        assertEquals(200, check(v, rs256(good().claim("roles", "user ops").build())), "a space-separated string");
    }

    @Test
    void ecAndHmacKeysVerifyTheirOwnAlgorithms() throws Exception {
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec1").build(), good().build());
        es.sign(new ECDSASigner(ec));
        assertEquals(200, check(validator(options(JwsAlgorithm.ES256, List.of(), List.of())), es.serialize()));
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("hs1")
                .type(JOSEObjectType.JWT).build(), good().build());
        hs.sign(new MACSigner(hmac));
        assertEquals(200, check(validator(options(JwsAlgorithm.HS256, List.of(), List.of())), hs.serialize()));
    }

    @Test
    void aReusedTokenIsVerifiedOnceAndForgottenWhenItExpires() throws Exception {
        JwtValidator v = validator(options(JwsAlgorithm.RS256, List.of(), List.of()));
        String t = rs256(good().expirationTime(new Date((NOW + 5) * 1000)).build());
        assertNull(verified.get(v, t));
        assertEquals(200, check(v, t));
        assertTrue(verified.get(v, t) != null, "remembered after one verification");
        nanos.addAndGet(Duration.ofSeconds(7).toNanos()); // past exp + 1 s leeway
        assertNull(verified.get(v, t), "never outlives the token");
        String expired = rs256(good().expirationTime(new Date((NOW - 5) * 1000)).build());
        assertEquals(401, check(v, expired));
        assertNull(verified.get(v, expired), "a failed token is never stored");
    }

    @Test
    void edDsaWithTheJdksEd25519() throws Exception {
        var kp = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = kp.getPublic().getEncoded();
        byte[] x = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String set = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed\",\"x\":\"" + Base64URL.encode(x) + "\"}]}";
        ValidatorOptions o = options(JwsAlgorithm.EdDSA, List.of(), List.of());
        JwtValidator v = new JwtValidator(null, o, "/p", List.of(new LocalKeySource(KeySet.parse(set.getBytes(), KeyIdStrategy.KID))),
                verified, List.of(), 1000, () -> NOW, nanos::get, new RateLimitedLog(Logger.getLogger("t"), Duration.ofSeconds(1)));
        String input = b64("{\"alg\":\"EdDSA\",\"kid\":\"ed\"}") + "." + b64(good().build().toString());
        var s = java.security.Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        assertEquals(200, check(v, token));
        // the signature's first character changed (its last ones often are "AA" already: S's top bits are 0)
        int sig = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, sig) + (token.charAt(sig) == 'A' ? 'B' : 'A') + token.substring(sig + 1);
        assertEquals(401, check(v, tampered));
    }

    /** Two issuers, each with its own keys: the RSA one KrakenD's keys name (RS256 or PS256), an EC one. */
    private JwtValidator twoIssuers() throws Exception {
        JwkSettings a = new JwkSettings("", "a.json", false, "", List.of(), List.of(), KeyIdStrategy.KID);
        JwkSettings b = new JwkSettings("", "b.json", false, "", List.of(), List.of(), KeyIdStrategy.KID);
        Trust first = new Trust("https://issuer", List.of(JwsAlgorithm.RS256, JwsAlgorithm.PS256), a, Duration.ZERO,
                Duration.ofSeconds(10), new ClaimRules("https://issuer", List.of("api"), 1));
        Trust second = new Trust("https://other", List.of(JwsAlgorithm.ES256), b, Duration.ZERO,
                Duration.ofSeconds(10), new ClaimRules("https://other", List.of("api"), 1));
        ValidatorOptions o = new ValidatorOptions(List.of(first, second), List.of(), "roles", false, List.of(), "",
                false, List.of(), false, "access_token", "Authorization", false);
        LocalKeySource keysA = new LocalKeySource(KeySet.parse(new JWKSet(rsa.toPublicJWK()).toString()
                .getBytes(StandardCharsets.UTF_8), KeyIdStrategy.KID));
        LocalKeySource keysB = new LocalKeySource(KeySet.parse(new JWKSet(ec.toPublicJWK()).toString()
                .getBytes(StandardCharsets.UTF_8), KeyIdStrategy.KID));
        return new JwtValidator(null, o, "/multi", List.of(keysA, keysB), verified, List.of(), 1000, () -> NOW,
                nanos::get, new RateLimitedLog(Logger.getLogger("test"), Duration.ofSeconds(10)));
    }

    private static String es256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec1").build(), claims);
        jwt.sign(new ECDSASigner(ec));
        return jwt.serialize();
    }

    @Test
    void severalIssuersEachWithTheirOwnKeysAndAlgorithms() throws Exception {
        JwtValidator v = twoIssuers();
        assertEquals(200, check(v, rs256(good().build())));
        SignedJWT ps = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa1").build(), good().build());
        ps.sign(new RSASSASigner(rsa));
        assertEquals(200, check(v, ps.serialize()), "a second algorithm of the same issuer");
        assertEquals(200, check(v, es256(good().issuer("https://other").build())));
        // each issuer's tokens verify only with that issuer's keys and algorithms
        assertEquals(401, check(v, es256(good().build())), "the first issuer does not accept ES256");
        assertEquals(401, check(v, rs256(good().issuer("https://other").build())),
                "the second issuer's keys and algorithms do not include the first's");
        assertEquals(401, check(v, es256(good().issuer("https://evil").build())), "an unknown issuer");
        assertEquals(401, check(v, es256(good().issuer(null).build())), "no issuer falls to the first trust");
        String[] parts = rs256(good().build()).split("\\.");
        assertEquals(401, check(v, parts[0] + "." + b64("[1]") + "." + parts[2]), "a payload that is not an object");
    }

}

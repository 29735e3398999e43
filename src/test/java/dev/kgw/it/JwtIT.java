package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code auth/validator} in a real node against a real JWKS served over HTTPS by a self-signed server: trusted
 * through {@code jwk_local_ca} and pinned with {@code jwk_fingerprints}; key rotation; a JWKS server that is down,
 * slow or untrusted; and the attack set, none of which reaches the backend.
 */
class JwtIT {
    private static final long NOW = System.currentTimeMillis() / 1000;
    private static Vertx vertx;
    private static SelfSignedCertificate cert;
    private static HttpServer jwks;
    private static HttpServer backend;
    private static Process node;
    private static int port;
    private static RSAKey k1;
    private static RSAKey k2;
    private static ECKey second;
    private static final AtomicReference<String> keySet = new AtomicReference<>();
    private static final AtomicInteger jwksHits = new AtomicInteger();
    private static final AtomicInteger backendHits = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        keySet.set(new JWKSet(List.of(k1.toPublicJWK())).toString());
        second = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        String secondSet = new JWKSet(second.toPublicJWK()).toString();
        cert = SelfSignedCertificate.create("localhost");
        jwks = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(cert.keyCertOptions()))
                .requestHandler(req -> {
                    jwksHits.incrementAndGet();
                    if (req.path().equals("/slow")) return; // never answers
                    req.response().putHeader("Content-Type", "application/json")
                            .end(req.path().equals("/second") ? secondSet : keySet.get());
                }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        backend = vertx.createHttpServer().requestHandler(req -> {
            backendHits.incrementAndGet();
            String user = req.getHeader("X-User");
            req.response().putHeader("Content-Type", "application/json")
                    .end("{\"path\":\"" + req.path() + "\",\"user\":\"" + (user == null ? "" : user) + "\"}");
        }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int down = Nodes.freePort();
        String url = "https://localhost:" + jwks.actualPort();
        String ca = cert.certificatePath();
        port = Nodes.freePort();
        node = Nodes.runNode(List.of(), """
            {"version": 3, "port": %d, "timeout": "1s", "host": ["http://127.0.0.1:%d"], "endpoints": [
              {"endpoint": "/ca", "input_headers": ["X-User"], "backend": [{"url_pattern": "/u/{JWT.sub}"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/jwks", "jwk_local_ca": "%s",
                 "cache": true, "failed_jwk_key_cooldown": "1s", "audience": ["api"], "issuer": "https://issuer",
                 "roles": ["admin"], "propagate_claims": [["sub", "X-User"]]}}},
              {"endpoint": "/pinned", "backend": [{"url_pattern": "/p"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/jwks", "jwk_local_ca": "%s",
                 "jwk_fingerprints": ["%s"]}}},
              {"endpoint": "/wrong-pin", "backend": [{"url_pattern": "/p"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/jwks", "jwk_local_ca": "%s",
                 "jwk_fingerprints": ["%s"]}}},
              {"endpoint": "/untrusted", "backend": [{"url_pattern": "/p"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/jwks"}}},
              {"endpoint": "/down", "backend": [{"url_pattern": "/p"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://localhost:%d/jwks",
                 "jwk_local_ca": "%s"}}},
              {"endpoint": "/slow", "backend": [{"url_pattern": "/p"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/slow", "jwk_local_ca": "%s"}}},
              {"endpoint": "/multi", "backend": [{"url_pattern": "/m"}],
               "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "%s/jwks", "jwk_local_ca": "%s",
                 "issuer": "https://issuer", "audience": ["api"], "kgw_issuers": [
                   {"issuer": "https://second", "alg": "ES256", "jwk_url": "%s/second", "jwk_local_ca": "%s"}]}}}]}
            """.formatted(port, backend.actualPort(), url, ca, url, ca, pin(ca), url, ca,
                Base64.getUrlEncoder().encodeToString(new byte[32]), url, down, ca, url, ca, url, ca, url, ca), port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) Nodes.stopNode(node);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        cert.delete();
    }

    /** Go's {@code base64.URLEncoding} of the SHA-256 of the certificate's SubjectPublicKeyInfo. */
    private static String pin(String pem) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(pem))) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(c.getPublicKey().getEncoded()));
        }
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("https://issuer").audience("api").subject("ada")
                .expirationTime(new Date((NOW + 600) * 1000)).claim("roles", List.of("admin"));
    }

    private static String token(RSAKey key, String kid, JWTClaimsSet c) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), c);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGoodTokenReachesTheBackendWithItsClaimsAndTheSpoofedHeaderIsReplaced() throws Exception {
        HttpResponse<String> r = get("/ca", token(k1, "k1", claims().build()), "X-User", "mallory");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"path\":\"/u/ada\",\"user\":\"ada\"}", r.body());
        assertEquals(200, get("/pinned", token(k1, "k1", claims().build())).statusCode(), "the pinned key matches");
    }

    @Test
    void theAttackSetNeverReachesTheBackend() throws Exception {
        String good = token(k1, "k1", claims().build());
        assertEquals(200, get("/ca", good).statusCode(), "warm: the key set is cached");
        String[] parts = good.split("\\.");
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes());
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        confused.sign(new MACSigner(k1.toPublicKey().getEncoded()));
        int before = backendHits.get();
        List<String> attacks = List.of(
                b64 + "." + parts[1] + ".",
                confused.serialize(),
                token(k1, "k1", claims().expirationTime(new Date((NOW - 60) * 1000)).build()),
                token(k1, "k1", claims().notBeforeTime(new Date((NOW + 600) * 1000)).build()),
                token(k1, "k1", claims().issueTime(new Date((NOW + 600) * 1000)).build()),
                token(k1, "k1", claims().audience("other").build()),
                token(k1, "k1", claims().issuer("https://evil").build()),
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"iss\":\"https://issuer\",\"aud\":\"api\",\"sub\":\"root\",\"roles\":[\"admin\"]}".getBytes())
                        + "." + parts[2],
                token(k2, "unknown-kid", claims().build()),
                "garbage",
                parts[0] + "." + "A".repeat(200_000) + "." + parts[2]);
        for (String t : attacks) {
            HttpResponse<String> r = get("/ca", t, "X-User", "root");
            assertEquals(401, r.statusCode(), t.length() > 100 ? t.substring(0, 100) : t);
            assertEquals("", r.body());
        }
        assertEquals(401, get("/ca", null, "X-User", "root").statusCode(), "no token at all");
        assertEquals(403, get("/ca", token(k1, "k1", claims().claim("roles", List.of("user")).build())).statusCode());
        assertEquals(before, backendHits.get(), "no refused request reached the backend");
    }

    @Test
    void aRotatedKeyIsAcceptedAfterOneRefreshAndAFloodOfUnknownKidsDownloadsAlmostNothing() throws Exception {
        assertEquals(200, get("/ca", token(k1, "k1", claims().build())).statusCode());
        keySet.set(new JWKSet(List.of(k1.toPublicJWK(), k2.toPublicJWK())).toString());
        int hits = jwksHits.get();
        for (int i = 0; i < 200; i++) {
            assertEquals(401, get("/ca", token(k2, "random-" + i, claims().build())).statusCode());
        }
        assertTrue(jwksHits.get() - hits <= 3, "200 unknown kids cost " + (jwksHits.get() - hits)
                + " downloads; the cooldown is one second");
        String rotated = token(k2, "k2", claims().build());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = get("/ca", rotated).statusCode();
            if (status != 200) Thread.sleep(100); // poll interval while the cooldown passes, bounded by the deadline
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the new key is accepted once the set is refreshed");
    }

    @Test
    void theSeveralIssuersExtensionTakesEachIssuersTokensWithItsOwnKeysOnly() throws Exception {
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(),
                claims().issuer("https://second").build());
        es.sign(new ECDSASigner(second));
        SignedJWT esAsFirst = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(),
                claims().build());
        esAsFirst.sign(new ECDSASigner(second));
        int before = backendHits.get();
        assertEquals(200, get("/multi", token(k1, "k1", claims().build())).statusCode());
        assertEquals(200, get("/multi", es.serialize()).statusCode(), "the second issuer's key set, over HTTPS");
        assertEquals(401, get("/multi", esAsFirst.serialize()).statusCode(), "the first issuer does not take ES256");
        assertEquals(401, get("/multi", token(k1, "k1", claims().issuer("https://second").build())).statusCode(),
                "nor does the second take the first's keys");
        assertEquals(2, backendHits.get() - before, "refused tokens never reach the backend");
    }

    @Test
    void anUntrustedDownOrSlowKeyServerIsA401WithinTheEndpointTimeout() throws Exception {
        String t = token(k1, "k1", claims().build());
        assertEquals(401, get("/untrusted", t).statusCode(), "a self-signed server without jwk_local_ca");
        assertEquals(401, get("/wrong-pin", t).statusCode(), "a certificate that does not carry the pinned key");
        assertEquals(401, get("/down", t).statusCode());
        long start = System.nanoTime();
        HttpResponse<String> slow = get("/slow", t);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(401, slow.statusCode());
        assertTrue(ms < 3000, "answered in " + ms + " ms with a 1 s endpoint timeout");
        assertEquals(401, get("/slow", t).statusCode(), "and again: the node is not stuck");
    }
}

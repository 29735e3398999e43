package dev.kgw.auth.validator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.KeyIdStrategy;
import dev.kgw.auth.jose.KeySet;
import dev.kgw.auth.jose.LocalKeySource;
import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Attributes;
import dev.kgw.router.Exchange;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One RS256 validation through {@link JwtValidator#filter}: {@code reused} is one token over and over (the
 * verified-token cache answers), {@code fresh} a different token on every call with no cache (a full signature
 * verification and claim check each time): its ops/s is the node's validations per second per core.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JwtValidationBenchmark {
    private static final int TOKENS = 512;

    @Param({"reused", "fresh"})
    public String token;

    private JwtValidator validator;
    private String[] tokens;
    private int next;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        tokens = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            JWTClaimsSet c = new JWTClaimsSet.Builder().issuer("https://bench").audience("api").subject("user-" + i)
                    .expirationTime(new Date(System.currentTimeMillis() + 3_600_000L)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), c);
            jwt.sign(new RSASSASigner(key));
            tokens[i] = jwt.serialize();
        }
        KeySet set = KeySet.parse(new JWKSet(List.of(key.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8),
                KeyIdStrategy.KID);
        ValidatorOptions o = new ValidatorOptions(JwsAlgorithm.RS256, new JwkSettings("", "k.json", false, "",
                List.of(), List.of(), KeyIdStrategy.KID), Duration.ZERO, Duration.ofSeconds(10),
                new ClaimRules("https://bench", List.of("api"), 1), List.of(), "roles", false, List.of(), "", false,
                List.of(), false, "access_token", "Authorization", false);
        VerifiedTokens cache = new VerifiedTokens(token.equals("fresh") ? 0 : VerifiedTokens.DEFAULT_BYTES,
                com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        validator = new JwtValidator(null, o, "/bench", List.of(new LocalKeySource(set)), cache, List.of(), 1000,
                () -> System.currentTimeMillis() / 1000, System::nanoTime,
                new RateLimitedLog(Logger.getLogger("bench"), Duration.ofSeconds(10)));
        if (!validator.filter(new BearerExchange("Bearer " + tokens[1])).succeeded()) {
            throw new IllegalStateException("the benchmark's token does not validate: nothing would be measured");
        }
    }

    @Benchmark
    public Future<Void> validate() {
        String t = token.equals("fresh") ? tokens[next++ & (TOKENS - 1)] : tokens[0];
        return validator.filter(new BearerExchange("Bearer " + t));
    }

    /** Only what the validator reads and writes. */
    private static final class BearerExchange implements Exchange {
        private final String authorization;
        private Attributes attributes;

        BearerExchange(String authorization) { this.authorization = authorization; }

        @Override public String method() { return "GET"; }
        @Override public String path() { return "/bench"; }
        @Override public String query() { return ""; }
    @Override public String host() { return "localhost"; }
        @Override public String header(String name) { return name.equals("Authorization") ? authorization : null; }
        @Override public List<String> headers(String name) { return List.of(); }
        @Override public Iterable<String> headerNames() { return List.of("Authorization"); }
        @Override public String clientIp() { return "127.0.0.1"; }
        @Override public String remoteAddress() { return "127.0.0.1"; }
        @Override public Map<String, String> params() { return Map.of(); }
        @Override public boolean tls() { return false; }
        @Override public String tlsProtocol() { return null; }
        @Override public String tlsCipher() { return null; }
        @Override public void setRequestHeader(String name, List<String> values) {}
        @Override public void param(String name, String value) {}
        @Override public void responseHeader(String name, String value) {}
        @Override public long bytesWritten() { return 0; }

        @Override public Attributes attributes() {
            if (attributes == null) attributes = new Attributes();
            return attributes;
        }
    }
}

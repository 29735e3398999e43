package dev.kgw.auth.validator;

import dev.kgw.auth.jose.Claims;
import dev.kgw.auth.jose.CompactJws;
import dev.kgw.auth.jose.InvalidTokenException;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.KeySource;
import dev.kgw.auth.OnLoop;
import dev.kgw.auth.jose.VerificationKey;
import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Attributes;
import dev.kgw.proxy.Rejection;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * One endpoint's JWT check, in krakend-jose's order: find the token, (with several issuers, its {@code iss} picks
 * the {@link Trust}) its {@code alg} must be one the trust accepts,
 * its key (by the key id strategy) must verify the signature, the registered claims must hold (401 for any of
 * these, empty body), then roles and scopes (403); then the claims are propagated as headers (replacing what the
 * client sent), put where {@code {JWT.x}} in a {@code url_pattern} finds them, and left for later stages.
 * A token this endpoint already verified is taken from {@link VerifiedTokens} instead of verified again.
 */
final class JwtValidator implements EndpointFilter {
    /** The verified claims (read-only), for later stages such as CEL's {@code JWT} variable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Attributes.Key<Map<String, Object>> CLAIMS = (Attributes.Key) Attributes.Key.of("auth/validator.claims", Map.class);

    private static final Rejection UNAUTHORIZED = Rejection.status(401);
    private static final Rejection FORBIDDEN = Rejection.status(403);

    private final Vertx vertx;
    private final ValidatorOptions o;
    private final String endpoint;
    private final List<Trust> trusts;
    private final List<KeySource> keys; // one per trust, in the same order
    private final VerifiedTokens verified;
    private final TokenExtractor extractor;
    private final List<String> urlClaims;
    private final long keyWaitMillis;
    private final LongSupplier epochSeconds;
    private final LongSupplier nanoTime;
    private final RateLimitedLog log;

    JwtValidator(Vertx vertx, ValidatorOptions o, String endpoint, List<KeySource> keys, VerifiedTokens verified,
                 List<String> urlClaims, long keyWaitMillis, LongSupplier epochSeconds, LongSupplier nanoTime,
                 RateLimitedLog log) {
        this.vertx = vertx;
        this.o = o;
        this.endpoint = endpoint;
        this.trusts = o.trusts();
        this.keys = List.copyOf(keys);
        if (this.keys.size() != trusts.size()) throw new IllegalArgumentException("one key source per trust");
        this.verified = verified;
        this.extractor = new TokenExtractor(o.headerName(), o.cookieKey());
        this.urlClaims = List.copyOf(urlClaims);
        this.keyWaitMillis = keyWaitMillis;
        this.epochSeconds = epochSeconds;
        this.nanoTime = nanoTime;
        this.log = log;
    }

    @Override
    public Future<Void> filter(Exchange ex) {
        String token = extractor.extract(ex);
        if (token == null) return refuse("no token in the request");
        Map<String, Object> claims = verified.get(this, token);
        if (claims != null) return admit(ex, claims);
        CompactJws jws;
        try {
            jws = CompactJws.parse(token);
        } catch (InvalidTokenException e) {
            return refuse(e.getMessage());
        }
        int t = trusts.size() == 1 ? 0 : select(jws);
        if (t < 0) return refuse("the payload is not a JSON object");
        Trust trust = trusts.get(t);
        JwsAlgorithm alg = trust.accepts(jws.alg());
        if (alg == null) return refuse("invalid algorithm " + jws.alg());
        KeySource source = keys.get(t);
        Future<VerificationKey> key = source.key(trust.keys().strategy().ofToken(jws));
        if (key.isComplete()) {
            return key.failed() ? refuse(key.cause().getMessage()) : verify(ex, token, jws, trust, alg, source, key.result());
        }
        return OnLoop.await(vertx, key, keyWaitMillis, () -> new InvalidTokenException("no key within "
                + keyWaitMillis + " ms")).transform(ar -> ar.failed() ? refuse(ar.cause().getMessage())
                : verify(ex, token, jws, trust, alg, source, ar.result()));
    }

    /**
     * With several issuers, the (not yet trusted) {@code iss} picks whose keys and rules apply; a token naming none
     * of the extension's issuers is held to KrakenD's keys. Choosing by it is safe because the chosen trust then
     * requires that very issuer, and its own keys must verify the signature. -1 when the payload is unreadable.
     */
    private int select(CompactJws jws) {
        Object iss;
        try {
            iss = jws.claims().get("iss");
        } catch (InvalidTokenException e) {
            return -1;
        }
        for (int i = 1; i < trusts.size(); i++) if (trusts.get(i).issuer().equals(iss)) return i;
        return 0;
    }

    private Future<Void> verify(Exchange ex, String token, CompactJws jws, Trust trust, JwsAlgorithm alg,
                                KeySource source, VerificationKey key) {
        if (!key.verifies(alg, jws)) return refuse("the signature does not verify with the key");
        Map<String, Object> claims;
        try {
            claims = Collections.unmodifiableMap(Claims.goValues(jws.claims()));
            trust.rules().check(claims, epochSeconds.getAsLong());
        } catch (InvalidTokenException e) {
            return refuse(e.getMessage());
        }
        long until = Math.min(source.trustedUntilNanos(), untilNanos(trust.rules().validUntil(claims)));
        verified.put(this, token, claims, until);
        return admit(ex, claims);
    }

    /** The nanoTime at which an epoch second arrives, saturated. */
    private long untilNanos(long epochSecond) {
        if (epochSecond == Long.MAX_VALUE) return Long.MAX_VALUE;
        long secondsLeft = epochSecond - epochSeconds.getAsLong();
        if (secondsLeft > Long.MAX_VALUE / 2_000_000_000L) return Long.MAX_VALUE;
        return nanoTime.getAsLong() + secondsLeft * 1_000_000_000L;
    }

    private Future<Void> admit(Exchange ex, Map<String, Object> claims) {
        if (!ClaimChecks.roles(o, claims)) return refuse(FORBIDDEN, "the token does not have sufficient roles");
        if (!ClaimChecks.scopes(o, claims)) return refuse(FORBIDDEN, "the token does not have the required scopes");
        for (List<String> pair : o.propagate()) {
            Map.Entry<String, Map<String, Object>> at = pair.get(0).contains(".") && !pair.get(0).startsWith("http")
                    ? Claims.nested(pair.get(0), claims) : Map.entry(pair.get(0), claims);
            if (o.propagateArrays()) {
                ex.setRequestHeader(pair.get(1), Claims.list(at.getValue(), at.getKey()));
            } else {
                String v = Claims.text(at.getValue(), at.getKey());
                ex.setRequestHeader(pair.get(1), List.of(v == null ? "" : v));
            }
        }
        for (String name : urlClaims) {
            String v = Claims.text(claims, name);
            if (v != null) ex.param("JWT." + name, v);
        }
        ex.attributes().put(CLAIMS, claims);
        return PASS;
    }

    private Future<Void> refuse(String why) { return refuse(UNAUTHORIZED, why); }

    private Future<Void> refuse(Rejection r, String why) {
        if (o.debug()) log.log(Level.INFO, () -> "[ENDPOINT: " + endpoint + "][JWTValidator] " + r.status() + ": " + why);
        return Future.failedFuture(r);
    }
}

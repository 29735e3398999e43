package dev.kgw.auth.validator;

import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import java.time.Duration;
import java.util.List;

/**
 * One issuer a validator trusts: the algorithms its tokens may carry, where its keys are, and the claims its tokens
 * must hold. KrakenD's keys make exactly one; the {@code kgw_issuers} extension adds more, chosen by the token's
 * {@code iss}.
 *
 * @param issuer      the {@code iss} that selects this trust; empty only for the first (KrakenD's) one
 * @param algs        the token's {@code alg} must be one of these; KrakenD's {@code alg} first
 * @param cacheTtl    how long a downloaded key set is used: {@code cache_duration} (900 s when 0) with
 *                    {@code cache: true}, zero without
 * @param keyCooldown {@code failed_jwk_key_cooldown}, at least 1 s (10 s when unset)
 */
public record Trust(String issuer, List<JwsAlgorithm> algs, JwkSettings keys, Duration cacheTtl,
                    Duration keyCooldown, ClaimRules rules) {
    public Trust {
        algs = List.copyOf(algs);
    }

    /** The token's {@code alg} header names one of this trust's algorithms: that one, else null. */
    JwsAlgorithm accepts(String alg) {
        for (JwsAlgorithm a : algs) if (a.name().equals(alg)) return a;
        return null;
    }
}

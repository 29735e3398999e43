package dev.kgw.auth.validator;

import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import java.time.Duration;
import java.util.List;

/**
 * One endpoint's {@code auth/validator}, checked and with KrakenD's defaults applied.
 *
 * @param trusts    the issuers whose tokens pass: first the one KrakenD's keys describe, then those of the
 *                  {@code kgw_issuers} extension
 * @param propagate {@code propagate_claims} pairs: claim, header
 */
public record ValidatorOptions(List<Trust> trusts, List<String> roles, String rolesKey, boolean rolesNested,
                               List<String> scopes, String scopesKey, boolean scopesAll,
                               List<List<String>> propagate, boolean propagateArrays, String cookieKey,
                               String headerName, boolean debug) {
    public ValidatorOptions {
        trusts = List.copyOf(trusts);
        if (trusts.isEmpty()) throw new IllegalArgumentException("a validator trusts at least one issuer");
    }

    /** KrakenD's shape: one algorithm, one key set, one set of claim rules. */
    public ValidatorOptions(JwsAlgorithm alg, JwkSettings keys, Duration cacheTtl, Duration keyCooldown,
                            ClaimRules rules, List<String> roles, String rolesKey, boolean rolesNested,
                            List<String> scopes, String scopesKey, boolean scopesAll,
                            List<List<String>> propagate, boolean propagateArrays, String cookieKey,
                            String headerName, boolean debug) {
        this(List.of(new Trust(rules.issuer(), List.of(alg), keys, cacheTtl, keyCooldown, rules)), roles, rolesKey,
                rolesNested, scopes, scopesKey, scopesAll, propagate, propagateArrays, cookieKey, headerName, debug);
    }

    /** The trust KrakenD's own keys describe. */
    public Trust primary() { return trusts.get(0); }
}

package dev.kgw.auth.validator;

import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import java.time.Duration;
import java.util.List;

/**
 * One endpoint's {@code auth/validator}, checked and with KrakenD's defaults applied.
 *
 * @param cacheTtl     how long a downloaded key set is used: {@code cache_duration} (900 s when 0) with
 *                     {@code cache: true}, zero without
 * @param keyCooldown  {@code failed_jwk_key_cooldown}, at least 1 s (10 s when unset)
 * @param propagate    {@code propagate_claims} pairs: claim, header
 */
public record ValidatorOptions(JwsAlgorithm alg, JwkSettings keys, Duration cacheTtl, Duration keyCooldown,
                               ClaimRules rules, List<String> roles, String rolesKey, boolean rolesNested,
                               List<String> scopes, String scopesKey, boolean scopesAll,
                               List<List<String>> propagate, boolean propagateArrays, String cookieKey,
                               String headerName, boolean debug) {
}

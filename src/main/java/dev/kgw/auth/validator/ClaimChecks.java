package dev.kgw.auth.validator;

import dev.kgw.auth.jose.Claims;
import java.util.List;
import java.util.Map;

/**
 * Roles and scopes, as krakend-jose's {@code CanAccess}/{@code CanAccessNested} and scope matchers: a claim that is
 * an array of strings or a space-separated string. Roles are any-of; scopes any-of, or all-of with
 * {@code scopes_matcher: "all"}, checked only when both {@code scopes} and {@code scopes_key} are set. Where Go
 * panics (a non-string in the array, so a 500) this refuses with 403.
 */
final class ClaimChecks {
    private ClaimChecks() {}

    static boolean roles(ValidatorOptions o, Map<String, Object> claims) {
        if (o.roles().isEmpty()) return true;
        Map.Entry<String, Map<String, Object>> at = o.rolesNested() ? Claims.nested(o.rolesKey(), claims)
                : Map.entry(o.rolesKey(), claims);
        List<String> have = Claims.words(at.getValue().get(at.getKey()));
        if (have == null) return false;
        for (String r : o.roles()) if (have.contains(r)) return true;
        return false;
    }

    static boolean scopes(ValidatorOptions o, Map<String, Object> claims) {
        if (o.scopes().isEmpty() || o.scopesKey().isEmpty()) return true;
        Map.Entry<String, Map<String, Object>> at = o.scopesKey().contains(".") ? Claims.nested(o.scopesKey(), claims)
                : Map.entry(o.scopesKey(), claims);
        List<String> have = Claims.words(at.getValue().get(at.getKey()));
        if (have == null) return false;
        if (o.scopesAll()) return have.containsAll(o.scopes());
        for (String s : o.scopes()) if (have.contains(s)) return true;
        return false;
    }
}

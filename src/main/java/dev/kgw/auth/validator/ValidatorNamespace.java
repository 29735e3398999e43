package dev.kgw.auth.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.auth.jose.ClaimRules;
import dev.kgw.auth.jose.JwkOptions;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.KeyIdStrategy;
import dev.kgw.auth.jose.KeySources;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ExtraConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.GoDuration;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.proxy.HeaderNames;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code auth/validator}: JWT validation per endpoint (krakend-jose), and at service level the shared key cache's
 * lifetime. Every key KrakenD reads is read with its default; what KrakenD would accept and then answer 401 to
 * forever (a bad {@code alg}, an insecure {@code jwk_url}, {@code cache} with {@code jwk_local_path}) is refused.
 */
public final class ValidatorNamespace implements Namespace {
    public static final String NAME = "auth/validator";
    static final Duration DEFAULT_CACHE = Duration.ofSeconds(900);
    static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-jose/validator"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE, Scope.ENDPOINT); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        if (path.startsWith("$.extra_config")) {
            long s = f.integer("shared_cache_duration", 0);
            if (s < 0) problems.error(f.path("shared_cache_duration"), "must not be negative");
            f.warnUnknown();
            return new ServiceOptions(s <= 0 ? DEFAULT_CACHE : Duration.ofSeconds(s));
        }
        long leeway = Math.max(1, duration(f, "leeway", Duration.ofSeconds(1)).toSeconds());
        Trust primary = trust(f, false, List.of(), leeway);
        List<Trust> trusts = new ArrayList<>();
        trusts.add(primary);
        f.eachObject("kgw_issuers", e -> {
            Trust t = trust(e, true, primary == null ? List.of() : primary.rules().audience(), leeway);
            e.warnUnknown();
            if (t == null) return;
            for (Trust other : trusts) {
                if (other != null && other.issuer().equals(t.issuer())) {
                    problems.error(e.path("issuer"), "issuer '" + t.issuer() + "' is trusted twice");
                    return;
                }
            }
            trusts.add(t);
        });
        List<String> roles = f.strings("roles");
        String rolesKey = f.str("roles_key", "");
        if (rolesKey.isEmpty()) rolesKey = "roles";
        boolean nested = f.bool("roles_key_is_nested", false) && rolesKey.contains(".") && !rolesKey.startsWith("http");
        List<String> scopes = f.strings("scopes");
        String scopesKey = f.str("scopes_key", "");
        boolean scopesAll = "all".equals(f.str("scopes_matcher", "any"));
        List<List<String>> propagate = propagation(f);
        boolean arrays = f.bool("propagate_claims_preserve_array", false);
        String cookie = f.str("cookie_key", "");
        String header = f.str("auth_header_name", "");
        boolean debug = f.bool("operation_debug", false);
        f.warnUnknown();
        if (trusts.contains(null)) return null;
        return new ValidatorOptions(trusts, roles, rolesKey, nested, scopes, scopesKey, scopesAll, propagate, arrays,
                cookie.isEmpty() ? "access_token" : cookie, header.isEmpty() ? "Authorization" : HeaderNames.canonical(header), debug);
    }

    /**
     * KrakenD's keys at the endpoint's level, or one entry of {@code kgw_issuers} (which must name its issuer,
     * and inherits the endpoint's audience when it sets none). {@code kgw_algs} beside {@code alg} (an array of
     * further algorithms) is the extension's other half; KrakenD ignores both keys and then accepts fewer tokens,
     * never more. Null (reported) when the trust cannot be built.
     */
    private static Trust trust(Fields f, boolean extension, List<String> inheritedAudience, long leeway) {
        Problems problems = f.problems();
        List<JwsAlgorithm> algs = new ArrayList<>();
        JwsAlgorithm alg = JwkOptions.alg(f);
        if (alg != null) algs.add(alg);
        String algsKey = extension ? "algs" : "kgw_algs";
        List<String> more = f.strings(algsKey);
        for (int i = 0; i < more.size(); i++) {
            JwsAlgorithm a = JwsAlgorithm.named(more.get(i)).orElse(null);
            String at = f.path(algsKey) + "[" + i + "]";
            if (a == null) problems.error(at, "unknown algorithm '" + more.get(i) + "' (use one of "
                    + JwsAlgorithm.names() + ")");
            else if (!algs.contains(a)) algs.add(a);
        }
        String strategyName = f.str("key_identify_strategy", "kid");
        KeyIdStrategy strategy = KeyIdStrategy.named(strategyName.isEmpty() ? "kid" : strategyName).orElse(null);
        if (strategy == null) {
            problems.error(f.path("key_identify_strategy"), "unknown strategy '" + strategyName
                    + "' (use kid, x5t, x5t#S256 or kid_x5t)");
            strategy = KeyIdStrategy.KID;
        }
        JwkSettings keys = JwkOptions.read(f, strategy);
        boolean cache = f.bool("cache", false);
        int cacheSeconds = f.integer("cache_duration", 0);
        if (cacheSeconds < 0) problems.error(f.path("cache_duration"), "must not be negative");
        if (cache && !keys.remote()) problems.error(f.path("cache"), "cache could not be used with jwk_local_path");
        Duration ttl = !cache ? Duration.ZERO : cacheSeconds <= 0 ? DEFAULT_CACHE : Duration.ofSeconds(cacheSeconds);
        Duration cooldown = duration(f, "failed_jwk_key_cooldown", DEFAULT_COOLDOWN);
        if (cooldown.compareTo(Duration.ofSeconds(1)) < 0) cooldown = Duration.ofSeconds(1);
        List<String> audience = f.has("audience") ? f.strings("audience") : inheritedAudience;
        String issuer = f.str("issuer", "");
        if (extension && issuer.isEmpty()) {
            problems.error(f.path("issuer"), "each of kgw_issuers names the iss its tokens carry");
            return null;
        }
        if (alg == null) return null;
        return new Trust(issuer, algs, keys, ttl, cooldown, new ClaimRules(issuer, audience, leeway));
    }

    /** A Go duration string; one KrakenD cannot parse falls back to the default, as there, with a warning. */
    private static Duration duration(Fields f, String key, Duration def) {
        JsonNode v = f.raw(key);
        if (v == null || v.isNull()) return def;
        if (!v.isTextual()) {
            f.problems().error(f.path(key), "must be a duration string such as \"1m\"");
            return def;
        }
        try {
            return GoDuration.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            f.problems().warn(f.path(key), e.getMessage() + "; " + def.toSeconds() + "s is used, as KrakenD does");
            return def;
        }
    }

    private static List<List<String>> propagation(Fields f) {
        JsonNode v = f.raw("propagate_claims");
        List<List<String>> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        String path = f.path("propagate_claims");
        if (!v.isArray()) {
            f.problems().error(path, "must be an array of [claim, header] pairs");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode pair = v.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()
                    || pair.get(1).textValue().isBlank()) {
                f.problems().error(path + "[" + i + "]", "must be a pair [\"claim\", \"Header-Name\"]");
                continue;
            }
            out.add(List.of(pair.get(0).textValue(), HeaderNames.canonical(pair.get(1).textValue())));
        }
        return List.copyOf(out);
    }

    /** A local key file must be readable and hold keys: {@code check} says so rather than every request's 401. */
    @Override
    public void validate(ServiceConfig config, Problems problems) {
        for (EndpointConfig e : config.endpoints()) {
            e.extra().get(NAME, ValidatorOptions.class).ifPresent(o -> {
                for (int i = 0; i < o.trusts().size(); i++) {
                    String why = KeySources.localProblem(o.trusts().get(i).keys());
                    if (why == null) continue;
                    String at = ExtraConfig.path(e.jsonPath(), NAME) + (i == 0 ? "" : ".kgw_issuers[" + (i - 1) + "]");
                    problems.error(at + ".jwk_local_path", why);
                }
            });
        }
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().anyMatch(e -> e.extra().namespaces().get(NAME)
                instanceof ValidatorOptions);
        return used ? new Validators(node) : Extension.NONE;
    }
}

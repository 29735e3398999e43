package dev.kgw.auth.jose;

import dev.kgw.backend.TlsVersions;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ExtraConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the key-set keys {@code auth/validator} and {@code auth/signer} share, refusing what KrakenD would only
 * log and then answer 401 to forever: an {@code http://} URL without {@code disable_jwk_security}, neither or both
 * of {@code jwk_url} and {@code jwk_local_path}, a fingerprint that is not base64url, an unknown cipher suite.
 */
public final class JwkOptions {
    private JwkOptions() {}

    /** {@code alg}, one of KrakenD's names exactly; null (reported) otherwise. */
    public static JwsAlgorithm alg(Fields f) {
        String name = f.str("alg", "");
        JwsAlgorithm alg = JwsAlgorithm.named(name).orElse(null);
        if (alg == null) {
            f.problems().error(f.path("alg"), (name.isEmpty() ? "missing" : "unknown algorithm '" + name + "'")
                    + " (use one of " + JwsAlgorithm.names() + ")");
        }
        return alg;
    }

    /** For {@code validate}: every endpoint's local key file must be readable and hold keys. */
    public static <T> void checkLocalFiles(ServiceConfig config, Problems problems, String namespace, Class<T> type,
                                           Function<T, JwkSettings> keys) {
        for (EndpointConfig e : config.endpoints()) {
            e.extra().get(namespace, type).ifPresent(o -> {
                String why = KeySources.localProblem(keys.apply(o));
                if (why != null) problems.error(ExtraConfig.path(e.jsonPath(), namespace) + ".jwk_local_path", why);
            });
        }
    }

    public static JwkSettings read(Fields f, KeyIdStrategy strategy) {
        String url = f.str("jwk_url", "");
        String local = f.str("jwk_local_path", "");
        boolean insecure = f.bool("disable_jwk_security", false);
        if (url.isEmpty() && local.isEmpty()) {
            f.problems().error(f.path("jwk_url"), "set jwk_url or jwk_local_path: there is no key to check tokens with");
        }
        if (!url.isEmpty() && !local.isEmpty()) {
            f.problems().error(f.path("jwk_local_path"), "set either jwk_url or jwk_local_path, not both");
        }
        if (!url.isEmpty() && local.isEmpty()) {
            if (!url.startsWith("https://") && !insecure) {
                f.problems().error(f.path("jwk_url"), "JWK client is using an insecure connection to the JWK service:"
                        + " use https:// or set disable_jwk_security");
            } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
                f.problems().error(f.path("jwk_url"), "must be an http:// or https:// URL");
            }
        }
        List<String> pins = f.strings("jwk_fingerprints");
        for (int i = 0; i < pins.size(); i++) {
            try {
                if (Base64.getUrlDecoder().decode(pins.get(i)).length != 32) {
                    f.problems().error(f.path("jwk_fingerprints") + "[" + i + "]", "a SHA-256 fingerprint has 32 bytes");
                }
            } catch (IllegalArgumentException e) {
                f.problems().error(f.path("jwk_fingerprints") + "[" + i + "]", "not base64url: " + e.getMessage());
            }
        }
        List<Integer> suites = f.integers("cipher_suites");
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < suites.size(); i++) {
            if (TlsVersions.cipherNames(List.of(suites.get(i))).isEmpty()) {
                f.problems().error(f.path("cipher_suites") + "[" + i + "]", "unknown or unsupported cipher suite "
                        + suites.get(i));
            } else {
                known.add(suites.get(i));
            }
        }
        String ca = f.str("jwk_local_ca", "");
        if (f.has("secret_url")) {
            f.problems().error(f.path("secret_url"), "encrypted key files (gocloud secrets) are not supported");
        }
        f.raw("cypher_key");
        return new JwkSettings(url, local, insecure, ca, pins, known, strategy);
    }
}

package dev.kgw.auth.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A validator KrakenD would start with and then answer 401 to forever is a {@code check} error with its path. */
class ValidatorConfigTest {
    private static final String AT = "$.endpoints[0].extra_config[\"auth/validator\"]";

    private static Problems parse(String validator) throws Exception {
        Problems problems = new Problems();
        new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "extra_config": {"auth/validator": %s}, "backend": [{"url_pattern": "/x"}]}]}"""
                .formatted(validator)), problems);
        return problems;
    }

    private static void refused(String validator, String path, String words) throws Exception {
        List<Problem> errors = parse(validator).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(AT + path, errors.get(0).path());
        assertTrue(errors.get(0).message().contains(words), errors.get(0).message());
    }

    @Test
    void brokenValidatorsAreRefusedAtTheirPath() throws Exception {
        refused("{\"alg\": \"none\", \"jwk_url\": \"https://k\"}", ".alg", "unknown algorithm 'none'");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"http://k\"}", ".jwk_url", "insecure");
        refused("{\"alg\": \"RS256\", \"jwk_local_path\": \"k.json\", \"cache\": true}", ".cache",
                "cache could not be used with jwk_local_path");
        refused("{\"alg\": \"RS256\"}", ".jwk_url", "no key");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://k\", \"key_identify_strategy\": \"x5c\"}",
                ".key_identify_strategy", "unknown strategy");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://k\", \"cipher_suites\": [1]}", ".cipher_suites[0]",
                "unknown");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://k\", \"jwk_fingerprints\": [\"abc\"]}",
                ".jwk_fingerprints[0]", "32 bytes");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://k\", \"propagate_claims\": [[\"sub\"]]}",
                ".propagate_claims[0]", "pair");
    }

    @Test
    void aLocalKeyFileThatCannotBeReadIsRefusedByCheck() throws Exception {
        List<Problem> errors = parse("{\"alg\": \"RS256\", \"jwk_local_path\": \"does-not-exist.json\"}").errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(AT + ".jwk_local_path", errors.get(0).path());
    }

    @Test
    void krakendDefaults() throws Exception {
        ValidatorOptions o = (ValidatorOptions) new ValidatorNamespace().parse(new ObjectMapper().readTree(
                "{\"alg\": \"HS256\", \"jwk_url\": \"http://k\", \"disable_jwk_security\": true, \"cache\": true,"
                        + " \"leeway\": \"0s\", \"auth_header_name\": \"x-token\"}"), AT, new Problems());
        assertEquals(Duration.ofSeconds(900), o.primary().cacheTtl());
        assertEquals(1, o.primary().rules().leewaySeconds(), "the leeway is at least one second");
        assertEquals("roles", o.rolesKey());
        assertEquals("access_token", o.cookieKey());
        assertEquals("X-Token", o.headerName());
        assertEquals(Duration.ofSeconds(10), o.primary().keyCooldown());
    }

    @Test
    void theSeveralIssuersExtensionIsReadAndCheckedAtItsPath() throws Exception {
        ValidatorOptions o = (ValidatorOptions) new ValidatorNamespace().parse(new ObjectMapper().readTree("""
                {"alg": "RS256", "kgw_algs": ["PS256"], "jwk_url": "https://a/jwks", "issuer": "https://a",
                 "audience": ["api"], "kgw_issuers": [
                   {"issuer": "https://b", "alg": "ES256", "jwk_url": "https://b/jwks", "cache": true},
                   {"issuer": "https://c", "alg": "EdDSA", "algs": ["ES384"], "jwk_url": "https://c/jwks",
                    "audience": ["other"]}]}"""), AT, new Problems());
        assertEquals(3, o.trusts().size());
        assertEquals(List.of(dev.kgw.auth.jose.JwsAlgorithm.RS256, dev.kgw.auth.jose.JwsAlgorithm.PS256),
                o.primary().algs());
        assertEquals("https://b", o.trusts().get(1).issuer());
        assertEquals(List.of("api"), o.trusts().get(1).rules().audience(), "inherits the endpoint's audience");
        assertEquals(Duration.ofSeconds(900), o.trusts().get(1).cacheTtl());
        assertEquals(List.of("other"), o.trusts().get(2).rules().audience());
        assertEquals(2, o.trusts().get(2).algs().size());

        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://a\", \"kgw_issuers\": [{\"alg\": \"ES256\","
                + " \"jwk_url\": \"https://b\"}]}", ".kgw_issuers[0].issuer", "names the iss");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://a\", \"kgw_issuers\": [{\"issuer\": \"b\","
                + " \"alg\": \"ES256\", \"jwk_url\": \"http://b\"}]}", ".kgw_issuers[0].jwk_url", "insecure");
        refused("{\"alg\": \"RS256\", \"jwk_url\": \"https://a\", \"issuer\": \"b\", \"kgw_issuers\": [{\"issuer\":"
                + " \"b\", \"alg\": \"ES256\", \"jwk_url\": \"https://b\"}]}", ".kgw_issuers[0].issuer", "twice");
        refused("{\"alg\": \"RS256\", \"kgw_algs\": [\"none\"], \"jwk_url\": \"https://a\"}", ".kgw_algs[0]",
                "unknown algorithm");
        List<Problem> errors = parse("{\"alg\": \"RS256\", \"jwk_url\": \"https://a\", \"kgw_issuers\": [{\"issuer\":"
                + " \"b\", \"alg\": \"ES256\", \"jwk_local_path\": \"missing.json\"}]}").errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(AT + ".kgw_issuers[0].jwk_local_path", errors.get(0).path());
    }
}

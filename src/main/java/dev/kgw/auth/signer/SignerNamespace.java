package dev.kgw.auth.signer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.auth.jose.JwkOptions;
import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.KeyIdStrategy;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.List;
import java.util.Set;

/**
 * {@code auth/signer}: the endpoint signs the objects under {@code keys_to_sign} of its answer as JWS (krakend-jose's
 * {@code TokenSigner}). A bad {@code alg} or key source is refused; KrakenD would answer 401 to every request.
 */
public final class SignerNamespace implements Namespace {
    public static final String NAME = "auth/signer";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-jose/signer"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.ENDPOINT); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        JwsAlgorithm alg = JwkOptions.alg(f);
        String kid = f.str("kid", "");
        String typ = f.str("typ", "");
        List<String> keys = f.strings("keys_to_sign");
        boolean full = f.bool("full", false);
        JwkSettings source = JwkOptions.read(f, KeyIdStrategy.KID);
        f.warnUnknown();
        return alg == null ? null : new SignerOptions(alg, kid, typ, keys, full, source);
    }

    @Override
    public void validate(ServiceConfig config, Problems problems) {
        JwkOptions.checkLocalFiles(config, problems, NAME, SignerOptions.class, SignerOptions::keys);
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().anyMatch(e -> e.extra().namespaces().get(NAME)
                instanceof SignerOptions);
        return used ? new Signers(node) : Extension.NONE;
    }
}

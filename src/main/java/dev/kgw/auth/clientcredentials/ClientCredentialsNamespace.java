package dev.kgw.auth.clientcredentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code auth/client-credentials} (krakend-oauth2-clientcredentials): the backend's calls carry an OAuth2 access
 * token obtained with the client-credentials grant. {@code is_disabled} turns it off, as there.
 */
public final class ClientCredentialsNamespace implements Namespace {
    public static final String NAME = "auth/client-credentials";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend-oauth2-clientcredentials"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        boolean disabled = f.bool("is_disabled", false);
        String id = f.str("client_id", "");
        String secret = f.str("client_secret", "");
        String url = f.str("token_url", "");
        if (!disabled && !(url.startsWith("https://") || url.startsWith("http://"))) {
            problems.error(f.path("token_url"), url.isEmpty() ? "missing: where to get tokens from"
                    : "must be an http:// or https:// URL");
        }
        if (!disabled && id.isEmpty()) problems.error(f.path("client_id"), "missing");
        List<String> scopes = List.of(f.str("scopes", "").split(",", -1));
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode p = f.raw("endpoint_params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                problems.error(f.path("endpoint_params"), "must be an object of string arrays");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> values = new ArrayList<>();
                    if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                    else if (e.getValue().isTextual()) values.add(e.getValue().textValue());
                    else problems.error(f.path("endpoint_params") + "." + e.getKey(), "must be an array of strings");
                    params.put(e.getKey(), List.copyOf(values));
                }
            }
        }
        f.warnUnknown();
        return disabled ? null : new ClientCredentialsOptions(id, secret, url, scopes, params);
    }

    @Override
    public Extension open(Node node) {
        boolean used = node.config().endpoints().stream().flatMap(e -> e.backends().stream())
                .anyMatch(b -> b.extra().namespaces().get(NAME) instanceof ClientCredentialsOptions);
        return used ? new ClientCredentials(node) : Extension.NONE;
    }
}

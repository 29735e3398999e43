package dev.kgw.security.cors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.proxy.HeaderNames;
import dev.kgw.router.ServerFilter;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code security/cors} (legacy {@code github_com/devopsfaith/krakend-cors}), service level only, as KrakenD wires
 * it: a filter in front of the router, so preflights are answered on every path, endpoint or not. Options KrakenD
 * would take and then misbehave on are refused here: a success status that is no HTTP status, a negative or
 * unparsable {@code max_age}, an origin with two wildcards (rs/cors would keep it and never match it).
 */
public final class CorsNamespace implements Namespace {
    public static final String NAME = "security/cors";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/devopsfaith/krakend-cors"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        OriginRule origins = origins(f.strings("allow_origins"), f.path("allow_origins"), problems);
        List<String> methods = f.strings("allow_methods");
        if (methods.isEmpty()) methods = List.of("GET", "POST", "HEAD");
        List<String> headers = f.strings("allow_headers");
        boolean anyHeader = headers.isEmpty() || headers.contains("*");
        List<String> expose = f.strings("expose_headers");
        String exposed = expose.isEmpty() ? null
                : String.join(", ", expose.stream().map(HeaderNames::canonical).toList());
        boolean credentials = f.bool("allow_credentials", false);
        boolean privateNetwork = f.bool("allow_private_network", false);
        boolean passthrough = f.bool("options_passthrough", false);
        int status = f.integer("options_success_status", 0);
        if (status == 0) {
            status = 204; // rs/cors's default, which KrakenD's server-level wrapper keeps
        } else if (status < 100 || status > 599) {
            problems.error(f.path("options_success_status"), "must be an HTTP status between 100 and 599, found "
                    + status);
            status = 204;
        }
        Duration maxAge = f.duration("max_age", Duration.ZERO);
        if (maxAge.isNegative()) {
            problems.error(f.path("max_age"), "must not be negative (KrakenD would send \"0\": no caching at all;"
                    + " leave it out for the browser's default)");
        }
        // whole seconds, as KrakenD's int(MaxAge.Seconds()); 0 sends no header
        long seconds = maxAge.getSeconds();
        String maxAgeValue = seconds > 0 ? Long.toString(seconds) : null;
        boolean debug = f.bool("debug", false);
        f.warnUnknown();
        return new CorsOptions(origins, List.copyOf(methods), anyHeader, new HeaderTokens(anyHeader ? List.of() : headers),
                exposed, credentials, privateNetwork, passthrough, status, maxAgeValue, debug);
    }

    private static OriginRule origins(List<String> listed, String path, Problems problems) {
        if (listed.isEmpty()) return new OriginRule(true, List.of(), List.of());
        List<String> exact = new ArrayList<>();
        List<OriginRule.Wildcard> wildcards = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            String o = listed.get(i).toLowerCase(Locale.ROOT);
            if (o.equals("*")) return new OriginRule(true, List.of(), List.of());
            int star = o.indexOf('*');
            if (star < 0) {
                exact.add(o);
            } else if (o.indexOf('*', star + 1) >= 0) {
                problems.error(path + "[" + i + "]", "an origin may hold one wildcard '*' at most: '" + listed.get(i)
                        + "' would never match");
            } else {
                wildcards.add(new OriginRule.Wildcard(o.substring(0, star), o.substring(star + 1)));
            }
        }
        return new OriginRule(false, List.copyOf(exact), List.copyOf(wildcards));
    }

    @Override
    public Extension open(Node node) {
        CorsOptions o = node.config().extra().get(NAME, CorsOptions.class).orElse(null);
        if (o == null) return Extension.NONE;
        CorsFilter filter = new CorsFilter(o);
        return new Extension() {
            @Override public ServerFilter serverFilter() { return filter; }
        };
    }
}

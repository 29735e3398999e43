package dev.kgw.security.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.router.ServerFilter;
import dev.kgw.security.HealthCheck;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code security/http} (legacy {@code github_com/devopsfaith/krakend-httpsecure}): unrolled/secure in front of the
 * router, service level as KrakenD CE wires it. A host regex that does not compile is an error with its path
 * (KrakenD panics at start-up); host regexes are RE2, since the client's {@code Host} is matched against them.
 */
public final class HttpSecureNamespace implements Namespace {
    public static final String NAME = "security/http";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/devopsfaith/krakend-httpsecure"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        List<String> hosts = f.strings("allowed_hosts");
        boolean regex = f.bool("allowed_hosts_are_regex", false);
        List<Pattern> patterns = new ArrayList<>();
        if (regex) {
            for (int i = 0; i < hosts.size(); i++) {
                try {
                    // unrolled/secure's "^%s$": a top-level alternation is anchored on its outer ends only, as there
                    patterns.add(Pattern.compile("^" + hosts.get(i) + "$"));
                } catch (PatternSyntaxException e) {
                    problems.error(f.path("allowed_hosts") + "[" + i + "]", "not a valid regular expression: "
                            + e.getMessage());
                }
            }
        }
        List<String> proxyHeaders = f.strings("host_proxy_headers");
        boolean sslRedirect = f.bool("ssl_redirect", false);
        String sslHost = f.str("ssl_host", "");
        var sslProxyHeaders = f.stringMap("ssl_proxy_headers");
        long sts = f.integer("sts_seconds", 0);
        if (sts < 0) problems.error(f.path("sts_seconds"), "must not be negative (KrakenD would send max-age=" + sts + ")");
        boolean subdomains = f.bool("sts_include_subdomains", false);
        boolean forceSts = f.bool("force_sts_header", false);
        boolean frameDeny = f.bool("frame_deny", false);
        String customFrame = f.str("custom_frame_options_value", "");
        String frame = !customFrame.isEmpty() ? customFrame : frameDeny ? "DENY" : null;
        boolean nosniff = f.bool("content_type_nosniff", false);
        boolean xss = f.bool("browser_xss_filter", false);
        String csp = f.str("content_security_policy", "");
        String referrer = f.str("referrer_policy", "");
        if (f.has("hpkp_public_key")) {
            f.str("hpkp_public_key", "");
            problems.warn(f.path("hpkp_public_key"), "ignored, as KrakenD ignores it: browsers dropped HTTP public"
                    + " key pinning and unrolled/secure removed it");
        }
        boolean dev = f.bool("is_development", false);
        f.warnUnknown();
        return new HttpSecureOptions(hosts, List.copyOf(patterns), regex, proxyHeaders, sslRedirect, sslHost,
                sslProxyHeaders, sts, subdomains, forceSts, frame, nosniff, xss, csp, referrer, dev);
    }

    @Override
    public Extension open(Node node) {
        HttpSecureOptions o = node.config().extra().get(NAME, HttpSecureOptions.class).orElse(null);
        if (o == null) return Extension.NONE;
        SecureFilter filter = new SecureFilter(o, HealthCheck.of(node.config()));
        return new Extension() {
            @Override public ServerFilter serverFilter() { return filter; }
        };
    }
}

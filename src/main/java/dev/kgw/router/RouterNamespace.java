package dev.kgw.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.OptionsParser;
import dev.kgw.config.Problems;
import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Parses the {@code router} namespace. */
public final class RouterNamespace implements OptionsParser {
    public static final String NAME = "router";
    private static final JsonCodec JSON = new JsonCodec();

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/luraproject/lura/router/gin"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        byte[] e404 = null;
        byte[] e405 = null;
        if (f.has("error_body")) {
            Fields eb = f.object("error_body");
            e404 = body(eb.raw("404"));
            e405 = body(eb.raw("405"));
        }
        String health = f.str("health_path", "/__health");
        if (!health.startsWith("/")) problems.error(f.path("health_path"), "must start with /");
        List<String> ipHeaders = f.has("remote_ip_headers") ? f.strings("remote_ip_headers")
                : RouterOptions.DEFAULT.remoteIpHeaders();
        RouterOptions o = new RouterOptions(f.bool("return_error_msg", false), e404, e405,
                f.bool("hide_version_header", false), f.bool("disable_health", false), health,
                f.bool("disable_access_log", false), f.strings("logger_skip_paths"),
                f.bool("disable_redirect_trailing_slash", false), f.bool("disable_redirect_fixed_path", false),
                f.bool("disable_handle_method_not_allowed", false), f.bool("disable_path_decoding", false),
                f.bool("remove_extra_slash", false), f.bool("forwarded_by_client_ip", false), ipHeaders,
                f.strings("trusted_proxies"), f.bool("auto_options", false), f.bool("use_h2c", false),
                maxPayload(f), atLeastOne(f, "max_connections"), atLeastOne(f, "max_in_flight"));
        f.bool("app_engine", false);
        f.raw("max_multipart_memory");
        f.bool("disable_gzip", false);
        f.warnUnknown();
        return o;
    }

    /** Absent or 0: the default bound; the node never reads an unbounded body. */
    static long maxPayload(Fields f) {
        int v = f.integer("max_payload", 0);
        if (v < 0) f.problems().error(f.path("max_payload"), "must be a positive number of bytes");
        return v <= 0 ? RouterOptions.DEFAULT_MAX_PAYLOAD : v;
    }

    /** 0 when not set (the listener then derives it from the heap). */
    private static int atLeastOne(Fields f, String key) {
        if (!f.has(key)) return 0;
        int v = f.integer(key, 0);
        if (v < 1) f.problems().error(f.path(key), "must be at least 1");
        return v;
    }

    /** Written as gin's {@code c.JSON} writes it: Go's encoding, keys sorted. */
    private static byte[] body(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return JSON.encode(JSON.decode(n.toString().getBytes(StandardCharsets.UTF_8)));
    }

}

package dev.kgw.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.OptionsParser;
import dev.kgw.config.Problems;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.transform.FlatmapFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the {@code proxy} namespace: sequential, static, flatmap_filter and shadow settings. */
public final class ProxyNamespace implements OptionsParser {
    public static final String NAME = "proxy";
    private final JsonCodec json = new JsonCodec();

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend/proxy"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.ENDPOINT, Scope.BACKEND); }

    @Override
    @SuppressWarnings("unchecked")
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        StaticMiddleware.Strategy strategy = null;
        Map<String, Object> data = null;
        if (f.has("static")) {
            Fields s = f.object("static");
            String name = s.str("strategy", "always");
            try {
                strategy = StaticMiddleware.Strategy.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.error(s.path("strategy"), "unknown static strategy '" + name
                        + "' (use always, success, complete, errored or incomplete)");
            }
            JsonNode d = s.raw("data");
            if (d == null || !d.isObject()) {
                problems.error(s.path("data"), "must be an object");
                strategy = null;
            } else {
                data = (Map<String, Object>) json.decode(d.toString().getBytes(StandardCharsets.UTF_8));
            }
            s.warnUnknown();
        }
        FlatmapFilter flatmap = null;
        JsonNode fm = f.raw("flatmap_filter");
        if (fm != null && !fm.isNull()) {
            try {
                flatmap = FlatmapFilter.fromConfig(json.decode(fm.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                problems.error(f.path("flatmap_filter"), e.getMessage());
            }
        }
        ProxyOptions o = new ProxyOptions(f.bool("sequential", false), f.strings("sequential_propagated_params"),
                strategy, data, flatmap, f.bool("shadow", false), f.duration("shadow_timeout", Duration.ZERO),
                f.integer("max_payload", 0));
        if (o.maxPayload() < 0) problems.error(f.path("max_payload"), "must be a positive number of bytes");
        String combiner = f.str("combiner", "default");
        if (!combiner.equals("default")) {
            // lura falls back to its default merge for a combiner no plugin registered; none can be here
            problems.warn(f.path("combiner"), "combiner '" + combiner + "' is not available on this node (only"
                    + " \"default\"): backends are merged the default way, as KrakenD does for an unregistered name");
        }
        f.bool("force_sandboxed_request", false);
        f.warnUnknown();
        return o;
    }
}

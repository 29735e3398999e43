package com.example.stamp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ExtraConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.proxy.Attributes;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Rejection;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.ServerFilter;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code example/stamp}, a worked example of a namespace at four stages:
 * <ul>
 *   <li>service level, a server filter: every answer of the node (404s too) carries {@code X-Stamped-By};</li>
 *   <li>endpoint level, an endpoint filter: a request with the {@code deny_header} gets a 403 with a JSON body,
 *       and one with the {@code user_header} leaves its value as a request attribute;</li>
 *   <li>backend level, a backend middleware that passes that attribute to the backend as {@code X-User-Claim},
 *       and a client interceptor that adds {@code X-Stamp} to every HTTP call of the backend.</li>
 * </ul>
 * <pre>{@code
 * "extra_config": {"example/stamp": {"by": "edge-1"}}                       (service)
 * "extra_config": {"example/stamp": {"deny_header": "X-Deny", "user_header": "X-User"}}   (endpoint)
 * "extra_config": {"example/stamp": {"stamp": "v1"}}                        (backend)
 * }</pre>
 */
public final class StampNamespace implements Namespace {
    public static final String NAME = "example/stamp";
    private static final Attributes.Key<String> USER = Attributes.Key.of("example/stamp.user", String.class);

    /** What one scope says; unused keys stay empty. */
    public record Options(String by, String denyHeader, String userHeader, String stamp) {}

    @Override public String name() { return NAME; }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE, Scope.ENDPOINT, Scope.BACKEND); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        Options o = new Options(f.str("by", ""), f.str("deny_header", ""), f.str("user_header", ""),
                f.str("stamp", ""));
        f.warnUnknown();
        return o;
    }

    /** A stamp at a backend needs a service-level "by": the whole file is needed to tell. */
    @Override
    public void validate(ServiceConfig config, Problems problems) {
        boolean hasBy = config.extra().get(NAME, Options.class).map(o -> !o.by().isEmpty()).orElse(false);
        for (EndpointConfig e : config.endpoints()) {
            for (BackendConfig b : e.backends()) {
                b.extra().get(NAME, Options.class).filter(o -> !o.stamp().isEmpty() && !hasBy).ifPresent(o ->
                        problems.error(ExtraConfig.path(b.jsonPath(), NAME) + ".stamp",
                                "a stamp needs the service-level \"by\" of " + NAME));
            }
        }
    }

    @Override
    public Extension open(Node node) {
        String by = node.config().extra().get(NAME, Options.class).map(Options::by).orElse("");
        return new Extension() {
            @Override
            public ServerFilter serverFilter() {
                if (by.isEmpty()) return null;
                return ex -> {
                    ex.responseHeader("X-Stamped-By", by);
                    return null; // go on: routing answers
                };
            }

            @Override
            public EndpointFilter endpointFilter(EndpointConfig e) {
                Options o = e.extra().get(NAME, Options.class).orElse(null);
                if (o == null) return null;
                Rejection denied = new Rejection(403, Map.of("X-Denied-By", List.of(NAME)),
                        "{\"error\":\"denied\"}".getBytes(StandardCharsets.UTF_8), "application/json");
                return ex -> {
                    if (!o.denyHeader().isEmpty() && ex.header(o.denyHeader()) != null) {
                        return Future.failedFuture(denied);
                    }
                    String user = o.userHeader().isEmpty() ? null : ex.header(o.userHeader());
                    if (user != null) ex.attributes().put(USER, user);
                    return EndpointFilter.PASS;
                };
            }

            @Override
            public Middleware backend(EndpointConfig e, BackendConfig b) {
                if (e.extra().get(NAME, Options.class).isEmpty()) return null;
                return next -> request -> {
                    String user = request.attributes == null ? null : request.attributes.get(USER);
                    if (user == null) return next.handle(request);
                    // a request is shared by the endpoint's backends: change a copy, and a new map
                    var r = request.copy();
                    Map<String, List<String>> headers = new LinkedHashMap<>(r.headers);
                    headers.put("X-User-Claim", List.of(user));
                    r.headers = headers;
                    return next.handle(r);
                };
            }

            @Override
            public ClientInterceptor client(EndpointConfig e, BackendConfig b) {
                String stamp = b.extra().get(NAME, Options.class).map(Options::stamp).orElse("");
                if (stamp.isEmpty()) return null;
                return (call, chain) -> chain.proceed(call.withHeader("X-Stamp", stamp + " by " + by));
            }
        };
    }
}

package dev.kgw.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code extra_config} namespace KrakenD CE and EE define, with the legacy names the CE binary still maps
 * onto them, each classified by what ignoring it would do. A node must not silently serve an endpoint without the
 * JWT check, CORS policy or circuit breaker its file asks for, so a {@link Effect#TRAFFIC} namespace this node
 * does not implement makes the config fail; one that only {@link Effect#OBSERVES} (logs, metrics, docs) is a
 * warning. Whether a namespace is implemented is not decided here: that is the {@link NamespaceRegistry}.
 */
public final class NamespaceCatalog {
    /** What a gateway that ignores the namespace gets wrong. */
    public enum Effect {
        /** Restricts, reshapes, routes or answers traffic: ignoring it changes what clients and backends see. */
        TRAFFIC,
        /** Only observes or documents: ignoring it loses telemetry, never changes an answer. */
        OBSERVES
    }

    public enum Origin { CE, EE, KGW }

    public record Entry(String name, Effect effect, Origin origin, List<String> legacyNames) {
        /** {@code auth/validator}, or {@code qos/ratelimit/tiered (KrakenD EE)}. */
        public String label() { return origin == Origin.EE ? name + " (KrakenD EE)" : name; }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final Map<String, Entry> BY_KEY = new HashMap<>();

    static {
        // CE: krakend-reference §1.14; legacy names from krakend-ce's cmd/krakend-ce/main.go aliases
        traffic(Origin.CE, "router", "github_com/luraproject/lura/router/gin");
        traffic(Origin.CE, "proxy", "github.com/devopsfaith/krakend/proxy");
        traffic(Origin.CE, "backend/http", "github.com/devopsfaith/krakend/http");
        traffic(Origin.CE, "backend/http/client");
        traffic(Origin.CE, "qos/ratelimit/router", "github.com/devopsfaith/krakend-ratelimit/juju/router");
        traffic(Origin.CE, "qos/ratelimit/proxy", "github.com/devopsfaith/krakend-ratelimit/juju/proxy");
        traffic(Origin.CE, "qos/circuit-breaker", "github.com/devopsfaith/krakend-circuitbreaker/gobreaker");
        traffic(Origin.CE, "qos/http-cache", "github.com/devopsfaith/krakend-httpcache");
        traffic(Origin.CE, "auth/validator", "github.com/devopsfaith/krakend-jose/validator");
        traffic(Origin.CE, "auth/signer", "github.com/devopsfaith/krakend-jose/signer");
        traffic(Origin.CE, "auth/client-credentials", "github.com/devopsfaith/krakend-oauth2-clientcredentials");
        traffic(Origin.CE, "auth/revoker", "github_com/devopsfaith/bloomfilter");
        traffic(Origin.CE, "security/cors", "github_com/devopsfaith/krakend-cors");
        traffic(Origin.CE, "security/http", "github_com/devopsfaith/krakend-httpsecure");
        traffic(Origin.CE, "security/bot-detector", "github_com/devopsfaith/krakend-botdetector");
        traffic(Origin.CE, "validation/cel", "github.com/devopsfaith/krakend-cel");
        traffic(Origin.CE, "validation/json-schema", "github.com/devopsfaith/krakend-jsonschema");
        traffic(Origin.CE, "modifier/lua-endpoint", "github.com/devopsfaith/krakend-lua/router");
        traffic(Origin.CE, "modifier/lua-proxy", "github.com/devopsfaith/krakend-lua/proxy");
        traffic(Origin.CE, "modifier/lua-backend", "github.com/devopsfaith/krakend-lua/proxy/backend");
        traffic(Origin.CE, "modifier/martian", "github.com/devopsfaith/krakend-martian");
        traffic(Origin.CE, "backend/amqp/consumer", "github.com/devopsfaith/krakend-amqp/consume");
        traffic(Origin.CE, "backend/amqp/producer", "github.com/devopsfaith/krakend-amqp/produce");
        traffic(Origin.CE, "async/amqp", "github.com/devopsfaith/krakend-amqp/agent");
        traffic(Origin.CE, "backend/pubsub/publisher", "github.com/devopsfaith/krakend-pubsub/publisher");
        traffic(Origin.CE, "backend/pubsub/subscriber", "github.com/devopsfaith/krakend-pubsub/subscriber");
        traffic(Origin.CE, "backend/lambda", "github.com/devopsfaith/krakend-lambda");
        traffic(Origin.CE, "backend/graphql", "github.com/devopsfaith/krakend/transport/http/client/graphql");
        traffic(Origin.CE, "plugin/http-server", "github_com/devopsfaith/krakend/transport/http/server/handler");
        traffic(Origin.CE, "plugin/http-client", "github.com/devopsfaith/krakend/transport/http/client/executor");
        traffic(Origin.CE, "plugin/req-resp-modifier", "github.com/devopsfaith/krakend/proxy/plugin");
        observes(Origin.CE, "telemetry/logging", "github_com/devopsfaith/krakend-gologging");
        observes(Origin.CE, "telemetry/gelf", "github_com/devopsfaith/krakend-gelf");
        observes(Origin.CE, "telemetry/logstash", "github_com/devopsfaith/krakend-logstash");
        observes(Origin.CE, "telemetry/metrics", "github_com/devopsfaith/krakend-metrics");
        observes(Origin.CE, "telemetry/influx", "github_com/letgoapp/krakend-influx",
                "github_com/devopsfaith/krakend-influx");
        observes(Origin.CE, "telemetry/influx2", "github_com/Jozefiel/krakend-influx2");
        observes(Origin.CE, "telemetry/opencensus", "github_com/devopsfaith/krakend-opencensus");
        observes(Origin.CE, "telemetry/opentelemetry");
        // EE: krakend-reference §1.15
        for (String name : List.of("qos/ratelimit/tiered", "qos/ratelimit/service", "qos/ratelimit/service/redis",
                "qos/ratelimit/router/redis", "redis", "qos/circuit-breaker/http", "auth/api-keys", "auth/basic",
                "auth/gcp", "auth/ntlm", "auth/aws-sigv4", "security/policies", "websocket", "grpc", "backend/grpc",
                "backend/soap", "backend/static-filesystem", "server/static-filesystem", "server/virtualhost",
                "backend/conditional", "workflow", "modifier/jmespath", "modifier/request-body-extractor",
                "modifier/request-body-generator", "modifier/response-body-generator", "modifier/response-body",
                "modifier/response-headers", "validation/response-json-schema", "governance/quota",
                "governance/processors", "ai/llm", "ai/mcp", "plugin/middleware")) {
            traffic(Origin.EE, name);
        }
        for (String name : List.of("documentation/openapi", "documentation/postman", "telemetry/moesif",
                "telemetry/newrelic", "telemetry/opentelemetry-security")) {
            observes(Origin.EE, name);
        }
        traffic(Origin.KGW, "kgw/lifecycle");
    }

    private NamespaceCatalog() {}

    private static void traffic(Origin origin, String name, String... legacy) {
        add(new Entry(name, Effect.TRAFFIC, origin, List.of(legacy)));
    }

    private static void observes(Origin origin, String name, String... legacy) {
        add(new Entry(name, Effect.OBSERVES, origin, List.of(legacy)));
    }

    private static void add(Entry e) {
        ENTRIES.add(e);
        BY_KEY.put(e.name(), e);
        for (String l : e.legacyNames()) BY_KEY.put(l, e);
    }

    /** The entry of a namespace by its name or a legacy name. */
    public static Optional<Entry> lookup(String key) { return Optional.ofNullable(BY_KEY.get(key)); }

    public static List<Entry> all() { return Collections.unmodifiableList(ENTRIES); }

    /** Every spelling KrakenD knows, for "did you mean". */
    public static List<String> knownKeys() { return List.copyOf(BY_KEY.keySet()); }
}

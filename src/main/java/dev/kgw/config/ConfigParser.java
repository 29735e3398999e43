package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a config tree into immutable records: fills KrakenD's defaults and inheritance (root → endpoint →
 * backend), validates what lura's {@code config.Init} validates, and lets each registered namespace parse
 * its {@code extra_config}. All problems are collected; {@link #load} throws when any is an error.
 */
public final class ConfigParser {
    public static final Set<String> ROUTABLE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OUTPUT_ENCODINGS =
            Set.of("json", "json-collection", "xml", "yaml", "string", "negotiate", "no-op");

    private final ExtraConfigParser extras;
    private final NamespaceRegistry namespaces;

    public ConfigParser(NamespaceRegistry namespaces) { this(namespaces, false); }

    /**
     * @param allowUnsupported start even when a namespace that changes traffic is not implemented here (each
     *                         occurrence becomes a loud warning instead of an error)
     */
    public ConfigParser(NamespaceRegistry namespaces, boolean allowUnsupported) {
        this.extras = new ExtraConfigParser(namespaces, allowUnsupported);
        this.namespaces = namespaces;
    }

    public record Result(ServiceConfig config, List<Problem> problems) {}

    /** Reads, parses and validates; throws {@link ConfigException} listing every error. */
    public Result load(Path file, Map<String, String> env) {
        ObjectNode root = ConfigReader.read(file, env);
        Problems problems = new Problems();
        ServiceConfig cfg = parse(root, problems);
        if (problems.hasErrors()) throw new ConfigException(file.toString(), problems.all());
        return new Result(cfg, problems.all());
    }

    public ServiceConfig parse(JsonNode rootNode, Problems problems) {
        Fields root = new WeakFields(rootNode, "$", problems);
        // a version that does not decode is reported as such, not once more as unsupported
        int version = root.has("version") ? root.integer("version", 3) : 0;
        if (version != 3) problems.error("$.version", "unsupported version: " + version + " (want: 3)");
        String name = root.str("name", "");
        int port = root.integer("port", ServiceConfig.DEFAULT_PORT);
        if (port < 0 || port > 65535) problems.error("$.port", "must be between 0 and 65535");
        String listenIp = root.str("listen_ip", "");
        if (!listenIp.isEmpty() && !isIpLiteral(listenIp)) problems.error("$.listen_ip", "invalid ip address");
        List<String> hosts = sanitizeHosts(root.strings("host"), "$.host", false, problems);
        Duration timeout = root.duration("timeout", Duration.ZERO);
        if (timeout.isZero() || timeout.isNegative()) timeout = ServiceConfig.DEFAULT_TIMEOUT;
        Duration cacheTtl = root.duration("cache_ttl", Duration.ZERO);
        String outputEncoding = root.str("output_encoding", "json");
        if (outputEncoding.isEmpty()) outputEncoding = "json";
        boolean debug = root.bool("debug_endpoint", false);
        boolean echo = root.bool("echo_endpoint", false);
        boolean disableRest = root.bool("disable_rest", false);
        root.bool("sequential_start", false);
        for (String unsupported : List.of("async_agent", "plugin")) {
            if (root.has(unsupported)) {
                problems.warn(root.path(unsupported), "not supported by this gateway, ignored");
            }
            root.raw(unsupported);
        }

        TlsSettings serverTls = parseTls(root, "tls", problems);
        boolean useH2c = root.bool("use_h2c", false);
        ServerSettings server = new ServerSettings(
                root.duration("read_timeout", Duration.ZERO), root.duration("write_timeout", Duration.ZERO),
                root.duration("idle_timeout", Duration.ZERO), root.duration("read_header_timeout", Duration.ZERO),
                positiveOr(root.integer("max_header_bytes", 0), ServerSettings.DEFAULT_MAX_HEADER_BYTES),
                useH2c, serverTls);

        boolean legacyInsecure = root.bool("allow_insecure_connections", false);
        TlsSettings clientTls = parseTls(root, "client_tls", problems);
        if (legacyInsecure) {
            clientTls = new TlsSettings(clientTls.disabled(), clientTls.keys(), clientTls.minVersion(),
                    clientTls.maxVersion(), clientTls.cipherSuites(), false, clientTls.caCerts(),
                    clientTls.disableSystemCaPool(), true);
        }
        root.duration("dialer_fallback_delay", Duration.ZERO);
        ClientSettings client = new ClientSettings(
                root.duration("dialer_timeout", Duration.ZERO), root.duration("dialer_keep_alive", Duration.ZERO),
                root.bool("disable_keep_alives", false), root.bool("disable_compression", false),
                root.integer("max_idle_connections", 0),
                positiveOr(root.integer("max_idle_connections_per_host", 0),
                        ClientSettings.DEFAULT_MAX_IDLE_CONNECTIONS_PER_HOST),
                root.duration("idle_connection_timeout", Duration.ZERO),
                root.duration("response_header_timeout", Duration.ZERO),
                root.duration("expect_continue_timeout", Duration.ZERO), clientTls);
        Duration dnsTtl = root.duration("dns_cache_ttl", Duration.ofSeconds(30));
        if (dnsTtl.compareTo(Duration.ofSeconds(1)) < 0) dnsTtl = Duration.ofSeconds(30);
        Duration shutdown = root.duration("max_shutdown_wait_time", Duration.ZERO);

        ExtraConfig serviceExtra = parseExtra(root, OptionsParser.Scope.SERVICE, problems);
        Defaults defaults = new Defaults(hosts, timeout, cacheTtl, outputEncoding, disableRest);
        List<EndpointConfig> endpoints = new ArrayList<>();
        root.eachObject("endpoints", e -> {
            EndpointConfig ec = parseEndpoint(e, defaults);
            if (ec != null) endpoints.add(ec);
        });
        checkDuplicates(endpoints, problems);
        root.warnUnknown();
        ServiceConfig config = new ServiceConfig(name, port, listenIp, hosts, timeout, cacheTtl, outputEncoding,
                debug, echo, disableRest, server, client, dnsTtl, shutdown, List.copyOf(endpoints), serviceExtra,
                ConfigFingerprint.of(rootNode));
        // cross-references need the whole file; a file whose parts already failed would only add echoes
        if (!problems.hasErrors()) for (OptionsParser ns : namespaces.all()) ns.validate(config, problems);
        return config;
    }

    private record Defaults(List<String> hosts, Duration timeout, Duration cacheTtl, String outputEncoding,
                            boolean disableRest) {}

    private EndpointConfig parseEndpoint(Fields e, Defaults d) {
        Problems problems = e.problems();
        String path = e.str("endpoint", "");
        String method = e.str("method", "GET").toUpperCase(Locale.ROOT);
        if (method.isEmpty()) method = "GET";
        String label = "'" + method + " " + path + "'";
        if (path.isEmpty() || !path.startsWith("/")) {
            problems.error(e.path("endpoint"), "ignoring the " + label + " endpoint, since it is invalid!!! (it must start with /)");
        } else if (path.matches(".*\\*.+") || path.startsWith("/__debug") || path.startsWith("/__echo")
                || path.startsWith("/__health")) {
            problems.error(e.path("endpoint"), "ignoring the " + label + " endpoint, since it is invalid!!!");
        }
        if (!ROUTABLE_METHODS.contains(method)) {
            problems.warn(e.path("method"), "unsupported method " + method + ": the endpoint will not be registered");
        }
        Duration timeout = e.duration("timeout", Duration.ZERO);
        if (timeout.isZero() || timeout.isNegative()) timeout = d.timeout();
        Duration cacheTtl = e.duration("cache_ttl", Duration.ZERO);
        if (cacheTtl.isZero()) cacheTtl = d.cacheTtl();
        int concurrent = e.integer("concurrent_calls", 1);
        if (concurrent < 1) concurrent = 1;
        String output = e.str("output_encoding", "");
        if (output.isEmpty()) output = d.outputEncoding();
        if (!OUTPUT_ENCODINGS.contains(output)) {
            problems.warn(e.path("output_encoding"), "unknown output encoding '" + output + "'");
        }
        List<String> inputHeaders = e.strings("input_headers");
        List<String> inputQuery = e.strings("input_query_strings");
        ExtraConfig extra = parseExtra(e, OptionsParser.Scope.ENDPOINT, problems);

        List<String> params = d.disableRest() ? UrlPatterns.looseParams(path) : UrlPatterns.endpointParams(path);
        Set<String> inputs = new HashSet<>(params);
        List<BackendConfig> backends = new ArrayList<>();
        String endpointMethod = method;
        String finalOutput = output;
        e.eachObject("backend", b -> backends.add(parseBackend(b, d, endpointMethod, finalOutput, inputs, label)));
        if (backends.isEmpty()) {
            problems.error(e.path("backend"), "ignoring the " + label + " endpoint, since it has 0 backends defined!");
        }
        if ("no-op".equals(output) && backends.size() > 1) {
            problems.error(e.path("backend"),
                    "can not use NoOp encoding with more than one backends connected to the same endpoint");
        }
        e.warnUnknown();
        return new EndpointConfig(path, method, List.copyOf(backends), timeout, cacheTtl, concurrent, inputHeaders,
                inputQuery, output, extra, e.path());
    }

    private BackendConfig parseBackend(Fields b, Defaults d, String endpointMethod, String output,
                                       Set<String> inputs, String label) {
        Problems problems = b.problems();
        String sd = b.str("sd", "static");
        boolean noSanitize = b.bool("disable_host_sanitize", false) || "dns".equals(sd);
        List<String> declared = b.strings("host");
        List<String> host = declared.isEmpty() ? d.hosts() : sanitizeHosts(declared, b.path("host"), noSanitize, problems);
        if (declared.isEmpty() && host.isEmpty()) {
            problems.error(b.path("host"), "no host: set the backend's host or the root host list");
        }
        String urlPattern = b.str("url_pattern", "");
        if (!urlPattern.startsWith("/")) urlPattern = "/" + urlPattern;
        for (String p : UrlPatterns.looseParams(urlPattern)) {
            if (inputs.contains(p) || UrlPatterns.SPECIAL_OUTPUT.matcher(p).matches()) continue;
            problems.error(b.path("url_pattern"), "undefined output param '" + p + "'! endpoint: " + label
                    + ", input: " + inputs);
        }
        String method = b.str("method", "").toUpperCase(Locale.ROOT);
        if (method.isEmpty()) method = endpointMethod;
        String encoding = b.str("encoding", "json");
        if (encoding.isEmpty()) encoding = "json";
        if ("no-op".equals(output)) encoding = "no-op";
        b.raw("timeout"); // accepted but, as in KrakenD, every backend uses the endpoint timeout
        BackendConfig bc = new BackendConfig(host, urlPattern, method, encoding, b.str("group", ""),
                b.str("target", ""), b.strings("allow"), b.strings("deny"), b.stringMap("mapping"),
                b.bool("is_collection", false), sd, b.str("sd_scheme", "http"), noSanitize,
                b.strings("input_headers"), b.strings("input_query_strings"),
                parseExtra(b, OptionsParser.Scope.BACKEND, problems), b.path());
        b.warnUnknown();
        return bc;
    }

    private ExtraConfig parseExtra(Fields owner, OptionsParser.Scope scope, Problems problems) {
        return extras.parse(owner.map("extra_config"), owner.path("extra_config"), scope, problems);
    }

    private static List<String> sanitizeHosts(List<String> hosts, String path, boolean skip, Problems problems) {
        if (skip) return hosts;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            try {
                out.add(UrlPatterns.sanitizeHost(hosts.get(i)));
            } catch (IllegalArgumentException ex) {
                problems.error(path + "[" + i + "]", ex.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private static TlsSettings parseTls(Fields root, String key, Problems problems) {
        if (!root.has(key)) {
            root.raw(key);
            return TlsSettings.none();
        }
        Fields t = root.object(key);
        List<TlsSettings.KeyPair> keys = new ArrayList<>();
        t.eachObject("keys", k -> {
            keys.add(new TlsSettings.KeyPair(k.str("public_key", ""), k.str("private_key", "")));
            k.warnUnknown();
        });
        t.eachObject("client_certs", k -> {
            keys.add(new TlsSettings.KeyPair(k.str("certificate", ""), k.str("private_key", "")));
            k.warnUnknown();
        });
        String pub = t.str("public_key", "");
        String priv = t.str("private_key", "");
        if (!pub.isEmpty() || !priv.isEmpty()) keys.add(new TlsSettings.KeyPair(pub, priv));
        List<Integer> ciphers = t.integers("cipher_suites");
        t.raw("curve_preferences");
        String min = t.str("min_version", "tls".equals(key) ? "TLS13" : "TLS12");
        String max = t.str("max_version", "TLS13");
        for (String v : List.of(min, max)) {
            if (!Set.of("SSL3.0", "TLS10", "TLS11", "TLS12", "TLS13").contains(v)) {
                problems.error(t.path(), "unknown TLS version '" + v + "' (use TLS10, TLS11, TLS12 or TLS13)");
            }
        }
        TlsSettings s = new TlsSettings(t.bool("disabled", false), List.copyOf(keys), min, max,
                ciphers, t.bool("enable_mtls", false), t.strings("ca_certs"),
                t.bool("disable_system_ca_pool", false), t.bool("allow_insecure_connections", false));
        if ("tls".equals(key) && !s.disabled() && s.keys().isEmpty()) {
            problems.error(t.path(), "no key pair: set keys[].public_key and keys[].private_key");
        }
        t.warnUnknown();
        return s;
    }

    private static void checkDuplicates(List<EndpointConfig> endpoints, Problems problems) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (EndpointConfig e : endpoints) {
            String key = e.method() + " " + e.endpoint();
            String first = seen.putIfAbsent(key, e.jsonPath());
            if (first != null) {
                problems.error(e.jsonPath(), "duplicated endpoint " + key + " (first declared at " + first + ")");
            }
        }
    }

    private static boolean isIpLiteral(String s) {
        if (!s.matches("[0-9.]+|[0-9a-fA-F:.]+")) return false;
        try {
            InetAddress.getByName(s);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int positiveOr(int v, int def) { return v > 0 ? v : def; }
}

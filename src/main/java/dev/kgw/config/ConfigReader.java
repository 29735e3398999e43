package dev.kgw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a config file into a JSON tree ({@link ConfigFormats} picks the parser and bounds it), refusing what this
 * node cannot read safely or faithfully (too large, flexible-config templates), then applies {@code KRAKEND_*}
 * environment overrides of root scalars.
 */
public final class ConfigReader {
    /** Root scalars that {@code KRAKEND_<KEY>} may set, with the JSON type each takes. */
    private static final Map<String, Class<?>> ENV_KEYS = Map.ofEntries(
            Map.entry("port", Integer.class), Map.entry("name", String.class), Map.entry("timeout", String.class),
            Map.entry("cache_ttl", String.class), Map.entry("output_encoding", String.class),
            Map.entry("listen_ip", String.class), Map.entry("read_timeout", String.class),
            Map.entry("write_timeout", String.class), Map.entry("idle_timeout", String.class),
            Map.entry("read_header_timeout", String.class), Map.entry("max_header_bytes", Integer.class),
            Map.entry("dialer_timeout", String.class), Map.entry("dialer_keep_alive", String.class),
            Map.entry("dialer_fallback_delay", String.class), Map.entry("disable_compression", Boolean.class),
            Map.entry("disable_keep_alives", Boolean.class), Map.entry("max_idle_connections", Integer.class),
            Map.entry("max_idle_connections_per_host", Integer.class),
            Map.entry("idle_connection_timeout", String.class), Map.entry("response_header_timeout", String.class),
            Map.entry("expect_continue_timeout", String.class),
            Map.entry("allow_insecure_connections", Boolean.class), Map.entry("use_h2c", Boolean.class),
            Map.entry("debug_endpoint", Boolean.class), Map.entry("echo_endpoint", Boolean.class),
            Map.entry("dns_cache_ttl", String.class), Map.entry("max_shutdown_wait_time", String.class),
            Map.entry("disable_rest", Boolean.class), Map.entry("sequential_start", Boolean.class));

    private ConfigReader() {}

    /**
     * The most a config file may weigh: 8 MiB, and no more than 1/32 of the heap, because the tree of a JSON file
     * takes about nine times its size and the parsed endpoints three more (a 2 MiB file, about 9,000 endpoints,
     * is what the launcher's 64 MB heap holds). A larger file is refused before it is read.
     */
    public static long defaultMaxBytes() { return Math.min(8L << 20, Runtime.getRuntime().maxMemory() / 32); }

    public static ObjectNode read(Path file, Map<String, String> env) { return read(file, env, defaultMaxBytes()); }

    static ObjectNode read(Path file, Map<String, String> env, long maxBytes) {
        String name = file.toString();
        String fc = env.get("FC_ENABLE");
        if (fc != null && !fc.isEmpty()) {
            // KrakenD renders the file as a Go template for any value, even "0"; reading it raw would mean
            // something else, or fail with a confusing syntax error
            throw ConfigException.single(name, "$", "flexible configuration (FC_ENABLE templates) is not supported"
                    + " by this node: render the templates first (KrakenD writes the result to FC_OUT), run the"
                    + " rendered file, and unset FC_ENABLE");
        }
        byte[] bytes = readBounded(file, maxBytes);
        JsonNode tree;
        try {
            ObjectMapper mapper = ConfigFormats.mapperFor(name, maxBytes);
            tree = mapper.readTree(bytes);
            String alias = ConfigFormats.firstYamlAlias(mapper, bytes);
            if (alias != null) {
                throw ConfigException.single(name, "$", "YAML alias " + alias + " is not supported by this node"
                        + " (it would be read as the alias's name, not the anchored value): write the value out");
            }
        } catch (StreamConstraintsException e) {
            throw ConfigException.single(name, "$", "the file is beyond what a config may be: " + e.getOriginalMessage()
                    .replaceAll(",? from `StreamReadConstraints[^`]*`", ""));
        } catch (IOException e) {
            String msg = e.getMessage();
            if (e instanceof JsonProcessingException jpe) msg = jpe.getOriginalMessage()
                    + (jpe.getLocation() != null ? " (line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr() + ")" : "");
            throw ConfigException.single(name, "$", "syntax error: " + msg);
        }
        if (tree == null || !tree.isObject()) {
            throw ConfigException.single(name, "$", "the config must be an object");
        }
        ObjectNode root = (ObjectNode) tree;
        applyEnv(root, env);
        return root;
    }

    private static byte[] readBounded(Path file, long maxBytes) {
        String name = file.toString();
        try {
            // the size first, so that a huge file is refused without being read; then a bounded read, for files
            // that grow or are not regular
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size > maxBytes) throw tooLarge(name, size, maxBytes);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) throw tooLarge(name, -1, maxBytes);
                return bytes;
            }
        } catch (IOException e) {
            throw ConfigException.single(name, "$", "cannot read the file: " + e.getMessage());
        }
    }

    private static ConfigException tooLarge(String name, long size, long maxBytes) {
        return ConfigException.single(name, "$", "the file is too large for a config: "
                + (size >= 0 ? mib(size) + ", " : "") + "more than the limit of " + mib(maxBytes)
                + " (8 MiB at most, and 1/32 of the heap: raise -Xmx in JAVA_OPTS for a larger file)");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB (%d bytes)", bytes / 1048576.0, bytes);
    }

    static void applyEnv(ObjectNode root, Map<String, String> env) {
        env.forEach((k, v) -> {
            if (!k.startsWith("KRAKEND_")) return;
            String key = k.substring("KRAKEND_".length()).toLowerCase(Locale.ROOT);
            Class<?> type = ENV_KEYS.get(key);
            if (type == null) return;
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (type == Integer.class) {
                try {
                    root.set(key, f.numberNode(Integer.parseInt(v.trim())));
                } catch (NumberFormatException e) {
                    root.set(key, f.textNode(v));
                }
            } else if (type == Boolean.class && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                root.set(key, f.booleanNode(Boolean.parseBoolean(v)));
            } else {
                root.set(key, f.textNode(v));
            }
        });
    }
}

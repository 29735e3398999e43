package dev.kgw.config;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code extra_config} of one scope after each known namespace parsed its part into a typed record.
 * Keys are canonical namespace names (legacy aliases are resolved at parse time).
 */
public record ExtraConfig(Map<String, Object> namespaces) {
    public static final ExtraConfig EMPTY = new ExtraConfig(Map.of());

    public <T> Optional<T> get(String namespace, Class<T> type) {
        Object o = namespaces.get(namespace);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    /**
     * Where a namespace's options sit under an owner (the service {@code $}, an endpoint's or a backend's
     * {@code jsonPath}): {@code $.endpoints[0].extra_config["qos/ratelimit/router"]}.
     */
    public static String path(String owner, String namespace) {
        return owner + ".extra_config" + member(namespace);
    }

    /** A JSON path step: {@code .router}, or {@code ["qos/ratelimit/router"]} for keys that need quoting. */
    static String member(String key) {
        return key.matches("[A-Za-z0-9_]+") ? "." + key : "[\"" + key + "\"]";
    }
}

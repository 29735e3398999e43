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

    public boolean has(String namespace) { return namespaces.containsKey(namespace); }
}

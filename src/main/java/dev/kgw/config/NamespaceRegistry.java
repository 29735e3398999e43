package dev.kgw.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces this node understands, looked up by canonical name or legacy alias, in the order they were
 * registered. A name taken twice (a plugin that shadows a built-in) is refused: which one would parse the file
 * would otherwise depend on load order.
 */
public final class NamespaceRegistry {
    private final Map<String, OptionsParser> byName = new HashMap<>();
    private final Map<String, OptionsParser> canonical = new LinkedHashMap<>();

    public NamespaceRegistry register(OptionsParser ns) {
        List<String> keys = new ArrayList<>(ns.aliases());
        keys.add(0, ns.name());
        for (String key : keys) {
            if (byName.containsKey(key)) throw new IllegalArgumentException("namespace " + key + " is registered twice");
        }
        canonical.put(ns.name(), ns);
        for (String key : keys) byName.put(key, ns);
        return this;
    }

    public Optional<OptionsParser> lookup(String key) { return Optional.ofNullable(byName.get(key)); }

    public Collection<OptionsParser> all() { return canonical.values(); }
}

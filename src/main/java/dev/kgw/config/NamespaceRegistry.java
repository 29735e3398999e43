package dev.kgw.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The namespaces this build understands, looked up by canonical name or legacy alias. */
public final class NamespaceRegistry {
    private final Map<String, Namespace> byName = new HashMap<>();
    private final Map<String, Namespace> canonical = new LinkedHashMap<>();

    public NamespaceRegistry register(Namespace ns) {
        canonical.put(ns.name(), ns);
        byName.put(ns.name(), ns);
        for (String alias : ns.aliases()) byName.put(alias, ns);
        return this;
    }

    public Optional<Namespace> lookup(String key) { return Optional.ofNullable(byName.get(key)); }

    public Collection<Namespace> all() { return canonical.values(); }
}

package dev.kgw.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the {@code extra_config} of one scope. A namespace this node implements is parsed by its
 * {@link OptionsParser}; one it does not implement fails closed when ignoring it would change traffic (see
 * {@link NamespaceCatalog}), unless the operator explicitly allows it, and is a warning otherwise.
 */
final class ExtraConfigParser {
    private final NamespaceRegistry namespaces;
    private final boolean allowUnsupported;
    private final List<String> knownKeys;

    ExtraConfigParser(NamespaceRegistry namespaces, boolean allowUnsupported) {
        this.namespaces = namespaces;
        this.allowUnsupported = allowUnsupported;
        List<String> keys = new ArrayList<>(NamespaceCatalog.knownKeys());
        namespaces.all().forEach(ns -> {
            keys.add(ns.name());
            keys.addAll(ns.aliases());
        });
        this.knownKeys = List.copyOf(keys);
    }

    /** @param extra the {@code extra_config} object, or null when there is none */
    ExtraConfig parse(ObjectNode extra, String base, OptionsParser.Scope scope, Problems problems) {
        if (extra == null) return ExtraConfig.EMPTY;
        Map<String, Object> parsed = new LinkedHashMap<>();
        extra.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            if (Fields.isComment(key)) return;
            String path = base + ExtraConfig.member(key);
            Optional<NamespaceCatalog.Entry> known = NamespaceCatalog.lookup(key);
            Optional<OptionsParser> ns = namespaces.lookup(key)
                    .or(() -> known.flatMap(k -> namespaces.lookup(k.name())));
            if (ns.isEmpty()) {
                notImplemented(key, known, path, problems);
                return;
            }
            if (!ns.get().scopes().contains(scope)) {
                problems.warn(path, "namespace not used at " + scope.name().toLowerCase(Locale.ROOT) + " level, ignored");
                return;
            }
            Object value = ns.get().parse(entry.getValue(), path, problems);
            if (value != null) parsed.put(ns.get().name(), value);
        });
        return new ExtraConfig(Map.copyOf(parsed));
    }

    private void notImplemented(String key, Optional<NamespaceCatalog.Entry> known, String path, Problems problems) {
        if (known.isEmpty()) {
            problems.warn(path, "unknown namespace, ignored"
                    + ClosestName.among(key, knownKeys).map(k -> " (did you mean " + k + "?)").orElse(""));
            return;
        }
        NamespaceCatalog.Entry e = known.get();
        String label = key.equals(e.name()) ? e.label() : key + " (" + e.label() + ")";
        if (e.effect() == NamespaceCatalog.Effect.OBSERVES) {
            problems.warn(path, "namespace " + label + " is not implemented by this node, ignored"
                    + " (it only observes or documents: traffic is unaffected)");
        } else if (allowUnsupported) {
            problems.warn(path, "namespace " + label + " is NOT IMPLEMENTED by this node and is IGNORED"
                    + " (--allow-unsupported): traffic here is served WITHOUT it");
        } else {
            problems.error(path, "namespace " + label + " is not implemented by this node: ignoring it would"
                    + " change what this config lets through, so it is refused (--allow-unsupported starts anyway)");
        }
    }
}

package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * An {@code extra_config} namespace: its name, its legacy aliases, where it may appear and how its options
 * become a typed record. Each namespace package provides one and registers it; the config layer never names
 * a namespace's internals.
 */
public interface Namespace {
    enum Scope { SERVICE, ENDPOINT, BACKEND }

    String name();

    default List<String> aliases() { return List.of(); }

    Set<Scope> scopes();

    /** Parse the raw options; report problems under {@code path}; may return null when unusable. */
    Object parse(JsonNode options, String path, Problems problems);
}

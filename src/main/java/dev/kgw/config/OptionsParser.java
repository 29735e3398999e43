package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The config half of an {@code extra_config} namespace: its name, its legacy aliases, where it may appear, how its
 * options become a typed record, and what it checks once the whole file is read. The runtime half is
 * {@code dev.kgw.spi.Namespace}, which extends this; the config layer never sees it.
 */
public interface OptionsParser {
    enum Scope { SERVICE, ENDPOINT, BACKEND }

    String name();

    default List<String> aliases() { return List.of(); }

    Set<Scope> scopes();

    /** Parse the raw options; report problems under {@code path}; may return null when unusable. */
    Object parse(JsonNode options, String path, Problems problems);

    /**
     * Checks what needs the whole file (a pool named here and defined elsewhere), after every namespace parsed its
     * part; reports under the paths {@link ExtraConfig#path} gives.
     */
    default void validate(ServiceConfig config, Problems problems) {}
}

package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a config file may be: bounded in size and depth, in every format, with errors that say so. */
class ConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void aFileBeyondTheLimitIsRefusedNamingTheLimit() throws Exception {
        Path file = dir.resolve("big.json");
        Files.writeString(file, "{\"version\": 3, \"name\": \"" + "x".repeat(4096) + "\"}");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(file, Map.of(), 1024));

        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("ERROR " + file + ": $: the file is too large for a config: 0.0 MiB"
                + " (4122 bytes), more than the limit of 0.0 MiB (1024 bytes)"), e.getMessage());
        assertEquals(3, ConfigReader.read(file, Map.of(), 8192).get("version").intValue(), "within the limit");
    }

    @Test
    void theDefaultLimitIsEightMibAndAThirtySecondOfTheHeapAtMost() {
        long limit = ConfigReader.defaultMaxBytes();
        assertTrue(limit <= 8L << 20 && limit <= Runtime.getRuntime().maxMemory() / 32, Long.toString(limit));
        assertTrue(limit >= 1L << 20, "a real config fits: " + limit);
    }

    @Test
    void nestingIsBoundedInEveryFormat() throws Exception {
        int depth = ConfigFormats.MAX_DEPTH + 10;
        Map<String, String> files = Map.of(
                "deep.json", "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}",
                "deep.yaml", "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n",
                "deep.toml", "a = " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        for (var f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.writeString(file, f.getValue());
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(file, Map.of()));
            assertTrue(e.getMessage().endsWith("$: the file is beyond what a config may be: Document nesting depth ("
                    + (ConfigFormats.MAX_DEPTH + 1) + ") exceeds the maximum allowed (" + ConfigFormats.MAX_DEPTH
                    + ")"), e.getMessage());
        }
    }

    @Test
    void yamlBeyondSnakeYamlsOwnDefaultIsReadWhenTheLimitAllows() throws Exception {
        Path file = dir.resolve("large.yaml");
        Files.writeString(file, "version: 3\nname: \"" + "x".repeat(4 << 20) + "\"\n");

        assertEquals(4 << 20, ConfigReader.read(file, Map.of(), 8L << 20).get("name").textValue().length());
    }

    @Test
    void yamlAliasesAreRefusedRatherThanReadAsTheirName() throws Exception {
        Path file = dir.resolve("alias.yaml");
        Files.writeString(file, "version: 3\nx: &backend {url_pattern: /a}\nendpoints:\n  - endpoint: /a\n"
                + "    backend: [*backend]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(file, Map.of()));

        assertTrue(e.getMessage().contains("$: YAML alias *backend (line 5) is not supported by this node"),
                e.getMessage());
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "version: 3\nname: \"*not an alias\"\n");
        assertEquals("*not an alias", ConfigReader.read(plain, Map.of()).get("name").textValue());
    }
}

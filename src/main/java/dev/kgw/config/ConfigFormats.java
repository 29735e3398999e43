package dev.kgw.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The parser of a config file, chosen by extension as KrakenD does ({@code .yaml}/{@code .yml}, {@code .toml},
 * anything else JSON), each bounded the same way: the file's size, and a nesting depth far beyond any real config
 * (the deepest namespace options nest about a dozen levels) but small enough for every recursive walk over the tree.
 */
final class ConfigFormats {
    static final int MAX_DEPTH = 200;

    private ConfigFormats() {}

    static ObjectMapper mapperFor(String fileName, long maxBytes) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxDocumentLength(maxBytes)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                .build();
        String lower = fileName.toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            LoaderOptions yaml = new LoaderOptions();
            // SnakeYAML's own default (3 MB) would refuse files the size limit allows
            yaml.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
            mapper = new ObjectMapper(YAMLFactory.builder().loaderOptions(yaml).streamReadConstraints(limits).build());
        } else if (lower.endsWith(".toml")) {
            mapper = new ObjectMapper(TomlFactory.builder().streamReadConstraints(limits).build());
        } else {
            mapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits).build());
        }
        return mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * The first YAML alias ({@code *name}) of the file, or null. KrakenD's YAML reader expands an alias into the
     * anchored value; Jackson's gives the alias name as a string instead, so a file with one would quietly mean
     * something else here.
     */
    static String firstYamlAlias(ObjectMapper mapper, byte[] bytes) throws IOException {
        if (!(mapper.getFactory() instanceof YAMLFactory)) return null;
        try (YAMLParser p = (YAMLParser) mapper.getFactory().createParser(bytes)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) return "*" + p.getText() + " (line " + p.currentLocation().getLineNr() + ")";
            }
        }
        return null;
    }
}

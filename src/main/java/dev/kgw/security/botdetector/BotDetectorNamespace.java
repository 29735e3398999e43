package dev.kgw.security.botdetector;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.router.EndpointFilter;
import dev.kgw.router.ServerFilter;
import dev.kgw.security.HealthCheck;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code security/bot-detector} (legacy {@code github_com/devopsfaith/krakend-botdetector}) at the service (every
 * route) and at endpoints. KrakenD logs a pattern that does not compile and runs without the detector; this node
 * refuses the file instead, with the pattern's path: a detector that silently is not there lets every bot in.
 */
public final class BotDetectorNamespace implements Namespace {
    public static final String NAME = "security/bot-detector";
    /** Decisions one detector may remember; beyond, a typo (an extra zero or three) would hold memory for nothing. */
    static final int MAX_CACHE_SIZE = 100_000;

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/devopsfaith/krakend-botdetector"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE, Scope.ENDPOINT); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        Set<String> allow = Set.copyOf(new LinkedHashSet<>(f.strings("allow")));
        Set<String> deny = Set.copyOf(new LinkedHashSet<>(f.strings("deny")));
        List<String> sources = f.strings("patterns");
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                patterns.add(Pattern.compile(sources.get(i)));
            } catch (PatternSyntaxException e) {
                problems.error(f.path("patterns") + "[" + i + "]", "not a valid regular expression: " + e.getMessage());
            }
        }
        int cacheSize = f.integer("cache_size", 0);
        if (cacheSize < 0 || cacheSize > MAX_CACHE_SIZE) {
            problems.error(f.path("cache_size"), "must be between 0 (no cache) and " + MAX_CACHE_SIZE + ", found "
                    + cacheSize);
            cacheSize = 0;
        }
        boolean empty = f.bool("empty_user_agent_is_bot", false);
        f.warnUnknown();
        return new BotDetectorOptions(allow, deny, List.copyOf(patterns), cacheSize, empty);
    }

    @Override
    public Extension open(Node node) {
        BotDetectorOptions service = node.config().extra().get(NAME, BotDetectorOptions.class).orElse(null);
        boolean atEndpoints = node.config().endpoints().stream()
                .anyMatch(e -> e.extra().namespaces().containsKey(NAME));
        if (service == null && !atEndpoints) return Extension.NONE;
        BotFilter all = service == null ? null
                : new BotFilter(new BotDetector(service), "[SERVICE: Gin][Botdetector]", HealthCheck.of(node.config()));
        return new Extension() {
            @Override public ServerFilter serverFilter() { return all; }

            @Override
            public EndpointFilter endpointFilter(EndpointConfig e) {
                return e.extra().get(NAME, BotDetectorOptions.class).map(o -> new BotFilter(new BotDetector(o),
                        "[ENDPOINT: " + e.endpoint() + "][Botdetector]", null).atEndpoint()).orElse(null);
            }
        };
    }
}

package dev.kgw.security.botdetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** krakend-botdetector's decision order, the patterns' RE2 semantics and the bound of the decision cache. */
class BotDetectorTest {
    private static final String AT = "$.extra_config[\"security/bot-detector\"]";
    private final Problems problems = new Problems();

    private BotDetectorOptions options(String json) throws Exception {
        return (BotDetectorOptions) new BotDetectorNamespace().parse(new ObjectMapper().readTree(json), AT, problems);
    }

    private BotDetector detector(String json) throws Exception {
        BotDetectorOptions o = options(json);
        assertEquals(List.of(), problems.all());
        return new BotDetector(o);
    }

    /** The conformance suite's own block. */
    private static final String SUITE = """
            {"deny": ["a", "b"], "allow": ["c", "Pingdom.com_bot_version_1.1"],
             "patterns": ["(Pingdom.com_bot_version_).*", "(facebookexternalhit)/.*"]}""";

    @Test
    void emptyThenAllowThenDenyThenPatterns() throws Exception {
        for (int cache : List.of(0, 10)) {
            BotDetector d = detector(SUITE.replace("{", "{\"cache_size\": " + cache + ", "));
            assertFalse(d.isBot(null), "no User-Agent is no bot unless the file says so");
            assertFalse(d.isBot(""));
            assertTrue(d.isBot("a"));
            assertFalse(d.isBot("aa"), "deny is exact");
            assertFalse(d.isBot("Pingdom.com_bot_version_1.1"), "allow comes before the patterns");
            assertTrue(d.isBot("Pingdom.com_bot_version_1.14"));
            assertTrue(d.isBot("Mozilla/5.0 (compatible; facebookexternalhit/1.1)"), "patterns are unanchored");
            assertFalse(d.isBot("facebookexternalhit"), "the pattern needs its slash");
            assertFalse(d.isBot("c"));
        }
        BotDetector strict = detector("{\"empty_user_agent_is_bot\": true, \"allow\": [\"\"]}");
        assertTrue(strict.isBot(null), "the empty check comes before the allow list");
        assertTrue(strict.isBot(""));
    }

    @Test
    void theCacheHoldsAtMostItsSizeAndNoLongUserAgents() throws Exception {
        BotDetector d = detector("{\"cache_size\": 100, \"patterns\": [\"evil\"]}");
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) d.isBot("agent-" + r.nextLong());
        assertTrue(d.cached() <= 100, "bounded: " + d.cached());
        assertTrue(d.cached() > 0, "short User-Agents are cached");

        BotDetector flooded = detector("{\"cache_size\": 100, \"patterns\": [\"evil\"]}");
        char[] big = new char[8 * 1024];
        for (int i = 0; i < 1_000; i++) {
            for (int k = 0; k < big.length; k++) big[k] = (char) ('a' + r.nextInt(26));
            assertFalse(flooded.isBot(new String(big).replace("evil", "good")));
        }
        assertEquals(0, flooded.cached(), "8 KB User-Agents are decided each time, never kept");
        assertTrue(flooded.isBot("x".repeat(BotDetector.MAX_CACHED_LENGTH) + "evil"), "and still decided right");
    }

    @Test
    void aPatternThatDoesNotCompileIsAnErrorAtItsPath() throws Exception {
        options("{\"patterns\": [\"ok\", \"(unclosed\", \"x{2,1}\"]}");
        assertEquals(List.of(AT + ".patterns[1]", AT + ".patterns[2]"),
                problems.errors().stream().map(Problem::path).toList());
    }

    @Test
    void theCacheSizeIsBounded() throws Exception {
        options("{\"cache_size\": -1}");
        options("{\"cache_size\": " + (BotDetectorNamespace.MAX_CACHE_SIZE + 1) + "}");
        assertEquals(List.of(AT + ".cache_size", AT + ".cache_size"),
                problems.errors().stream().map(Problem::path).toList());
    }
}

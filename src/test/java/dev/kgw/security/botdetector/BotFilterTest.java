package dev.kgw.security.botdetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.proxy.Rejection;
import dev.kgw.router.EndpointFilter;
import dev.kgw.security.HealthCheck;
import dev.kgw.security.PlainExchange;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A bot gets KrakenD's bare 403, at the service (health endpoint aside) and at an endpoint; the log is bounded. */
class BotFilterTest {
    private final BotDetector detector = new BotDetector(new BotDetectorOptions(Set.of(), Set.of("bot"), List.of(),
            0, true));

    private static PlainExchange request(String path, String ua) {
        PlainExchange ex = new PlainExchange("GET", path);
        return ua == null ? ex : ex.with("User-Agent", ua);
    }

    @Test
    void aBotGetsAnEmpty403AndOthersGoOn() {
        BotFilter f = new BotFilter(detector, "[SERVICE: Gin][Botdetector]", HealthCheck.at("/__health"));
        Rejection r = f.filter(request("/any", "bot"));
        assertEquals(403, r.status());
        assertEquals(0, r.bodyLength());
        assertEquals(Map.of(), r.headers());
        assertEquals(403, f.filter(request("/any", null)).status(), "empty_user_agent_is_bot");
        assertNull(f.filter(request("/any", "Mozilla/5.0")));
        assertNull(f.filter(request("/__health", "bot")), "the health endpoint is not guarded");
    }

    @Test
    void atAnEndpointTheFilterFailsWithTheRejection() {
        EndpointFilter f = new BotFilter(detector, "[ENDPOINT: /x][Botdetector]", null).atEndpoint();
        Future<Void> no = f.filter(request("/__health", "bot"));
        assertTrue(no.failed());
        assertEquals(403, ((Rejection) no.cause()).status());
        assertSame(EndpointFilter.PASS, f.filter(request("/x", "Mozilla/5.0")));
    }

    @Test
    void aFloodOfBotsWritesOneLineThatCountsTheRest() {
        Logger log = Logger.getLogger(BotFilter.class.getName());
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getMessage()); }

            @Override public void flush() {}

            @Override public void close() {}
        };
        log.addHandler(h);
        try {
            BotFilter f = new BotFilter(detector, "[SERVICE: Gin][Botdetector]", null);
            for (int i = 0; i < 100; i++) f.filter(request("/any", "bot"));
        } finally {
            log.removeHandler(h);
        }
        assertEquals(List.of("[SERVICE: Gin][Botdetector] bot rejected"), lines);
    }
}

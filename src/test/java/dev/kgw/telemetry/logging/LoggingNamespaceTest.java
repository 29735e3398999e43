package dev.kgw.telemetry.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.config.Problems;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LoggingNamespaceTest {
    private static LoggingOptions parse(String json, Problems problems) throws Exception {
        return (LoggingOptions) new LoggingNamespace().parse(new ObjectMapper().readTree(json), "$.x", problems);
    }

    @Test
    void mapsKrakendLevelsAndFormats() throws Exception {
        Problems p = new Problems();
        LoggingOptions o = parse("{\"level\":\"WARNING\",\"prefix\":\"[KRAKEND]\",\"stdout\":true,\"format\":\"logstash\"}", p);
        assertEquals(Level.WARNING, o.level());
        assertEquals("[KRAKEND]", o.prefix());
        assertTrue(o.stdout());
        assertEquals(LoggingOptions.Format.LOGSTASH, o.format());
        assertTrue(p.all().isEmpty(), p.all().toString());
        assertEquals(Level.FINE, parse("{\"level\":\"DEBUG\"}", p).level());
        assertEquals(Level.SEVERE, parse("{\"level\":\"CRITICAL\"}", p).level());
    }

    @Test
    void unknownLevelIsAnErrorWithItsPath() throws Exception {
        Problems p = new Problems();
        parse("{\"level\":\"LOUD\"}", p);
        assertEquals("$.x.level", p.errors().get(0).path());
    }

    @Test
    void accessLogOnlyWhereItWouldPrint() {
        LoggingOptions info = new LoggingOptions(Level.INFO, "", false, false, LoggingOptions.Format.DEFAULT);
        LoggingOptions warn = new LoggingOptions(Level.WARNING, "", false, false, LoggingOptions.Format.DEFAULT);
        assertTrue(AccessLog.enabled(info, false));
        assertFalse(AccessLog.enabled(info, true), "router.disable_access_log wins");
        assertFalse(AccessLog.enabled(warn, false), "WARNING and above: no access log, no per-request cost");
    }
}

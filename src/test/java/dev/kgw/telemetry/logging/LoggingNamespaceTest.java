package dev.kgw.telemetry.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.Problems;
import java.util.List;
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
    void syslogFacilityAndTheSeverityOfTheLevel() throws Exception {
        Problems p = new Problems();
        LoggingOptions o = parse("{\"syslog\":true,\"syslog_facility\":\"LOCAL5\",\"level\":\"CRITICAL\"}", p);
        assertTrue(o.syslog());
        assertEquals(new SyslogPriority(21, 2), o.syslogPriority());
        assertEquals(170, o.syslogPriority().value());
        assertTrue(p.all().isEmpty(), p.all().toString());
        LoggingOptions defaults = parse("{\"syslog\":true}", p);
        assertEquals(new SyslogPriority(SyslogPriority.LOCAL3, 6), defaults.syslogPriority());
        assertEquals(158, defaults.syslogPriority().value());
        assertEquals(3, parse("{\"level\":\"ERROR\"}", p).syslogPriority().severity());
        assertEquals(4, parse("{\"level\":\"WARNING\"}", p).syslogPriority().severity());
        assertEquals(7, parse("{\"level\":\"DEBUG\",\"syslog_facility\":\"local0\"}", p).syslogPriority().severity());
        assertTrue(p.all().isEmpty(), p.all().toString());
    }

    @Test
    void unknownSyslogFacilityIsAnErrorWithItsPath() throws Exception {
        for (String facility : new String[] {"local8", "daemon", "user", ""}) {
            Problems p = new Problems();
            LoggingOptions o = parse("{\"syslog\":true,\"syslog_facility\":\"" + facility + "\"}", p);
            assertEquals(1, p.errors().size(), facility + ": " + p.all());
            assertEquals("$.x.syslog_facility", p.errors().get(0).path());
            assertTrue(p.errors().get(0).message().contains("local0 to local7"), p.errors().get(0).message());
            assertEquals(SyslogPriority.LOCAL3, o.syslogPriority().facility());
        }
    }

    @Test
    void unknownSyslogFacilityInAWholeConfig() throws Exception {
        Problems p = new Problems();
        new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "extra_config": {"telemetry/logging": {"syslog": true, "syslog_facility": "kern"}},
                 "endpoints": []}"""), p);
        assertEquals(List.of("$.extra_config[\"telemetry/logging\"].syslog_facility"),
                p.errors().stream().map(Problem::path).toList());
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

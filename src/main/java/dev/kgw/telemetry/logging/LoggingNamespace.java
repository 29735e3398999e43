package dev.kgw.telemetry.logging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RouterNamespace;
import dev.kgw.router.RouterOptions;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;

/**
 * {@code telemetry/logging} (legacy name {@code github_com/devopsfaith/krakend-gologging}): the node's log level,
 * format and outputs, set when the node opens (before anything else logs), and gin's access log, on by default as
 * in KrakenD unless {@code router.disable_access_log} or a level above INFO turns it off.
 */
public final class LoggingNamespace implements Namespace {
    public static final String NAME = "telemetry/logging";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github_com/devopsfaith/krakend-gologging"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        String levelName = f.str("level", "INFO");
        Level level = LoggingOptions.level(levelName);
        if (level == null) {
            problems.error(f.path("level"), "unknown level '" + levelName + "' (use DEBUG, INFO, WARNING, ERROR or CRITICAL)");
            level = Level.INFO;
        }
        String formatName = f.str("format", "default");
        LoggingOptions.Format format = switch (formatName.toLowerCase(Locale.ROOT)) {
            case "default", "" -> LoggingOptions.Format.DEFAULT;
            case "logstash" -> LoggingOptions.Format.LOGSTASH;
            default -> {
                problems.warn(f.path("format"), "format '" + formatName + "' is not supported, using default");
                yield LoggingOptions.Format.DEFAULT;
            }
        };
        boolean syslog = f.bool("syslog", false);
        String facilityName = f.str("syslog_facility", "local3");
        Integer facility = SyslogPriority.facility(facilityName);
        if (facility == null) {
            problems.error(f.path("syslog_facility"), "unknown syslog facility '" + facilityName
                    + "' (use local0 to local7)");
            facility = SyslogPriority.LOCAL3;
        }
        SyslogPriority priority = new SyslogPriority(facility, SyslogPriority.severity(levelName));
        f.str("custom_format", "");
        LoggingOptions o = new LoggingOptions(level, f.str("prefix", ""), f.bool("stdout", false), syslog, format,
                priority);
        f.warnUnknown();
        return o;
    }

    @Override
    public Extension open(Node node) {
        LoggingOptions logging = node.config().extra().get(NAME, LoggingOptions.class).orElse(LoggingOptions.DEFAULT);
        LogSetup.apply(logging);
        RouterOptions router = node.config().extra().get(RouterNamespace.NAME, RouterOptions.class)
                .orElse(RouterOptions.DEFAULT);
        if (!AccessLog.enabled(logging, router.disableAccessLog())) return Extension.NONE;
        RequestObserver log = new AccessLog(Set.copyOf(router.loggerSkipPaths()));
        return new Extension() {
            @Override public RequestObserver observer() { return log; }
        };
    }
}

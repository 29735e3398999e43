package dev.kgw.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Namespace;
import dev.kgw.config.Problems;
import java.time.Duration;
import java.util.Set;

/** Parses {@code kgw/lifecycle}. */
public final class LifecycleNamespace implements Namespace {
    public static final String NAME = "kgw/lifecycle";

    @Override public String name() { return NAME; }

    @Override public Set<Scope> scopes() { return Set.of(Scope.SERVICE); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        Duration drain = f.duration("drain_delay", Duration.ZERO);
        if (drain.isNegative()) problems.error(f.path("drain_delay"), "must not be negative");
        f.warnUnknown();
        return new LifecycleOptions(drain);
    }
}

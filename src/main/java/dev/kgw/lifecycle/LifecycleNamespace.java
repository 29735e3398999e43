package dev.kgw.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.Problems;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Set;

/**
 * {@code kgw/lifecycle} (a namespace KrakenD ignores): {@code drain_delay} keeps a stopping node serving, with
 * {@code /__health} at 503 and every response closing its connection, so the balancer moves traffic away before
 * the listener closes.
 */
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

    @Override
    public Extension open(Node node) {
        long drain = node.config().extra().get(NAME, LifecycleOptions.class).orElse(LifecycleOptions.DEFAULT)
                .drainDelay().toMillis();
        if (drain <= 0) return Extension.NONE;
        return new Extension() {
            @Override
            public Future<Void> drain() {
                return Future.future(p -> node.vertx().setTimer(drain, id -> p.complete()));
            }
        };
    }
}

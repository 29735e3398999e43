package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineHooksTest {
    /** A hook that notes its name on the way in, so the order of wrapping shows. */
    private static PipelineHooks noting(String name, List<String> seen) {
        return new PipelineHooks() {
            @Override
            public Middleware backend(EndpointConfig e, BackendConfig b) {
                return next -> r -> {
                    seen.add(name);
                    return next.handle(r);
                };
            }
        };
    }

    @Test
    void noHooksMeansNothingToWrap() {
        assertNull(PipelineHooks.all(List.of()).endpoint(null));
        assertNull(PipelineHooks.all(List.of(PipelineHooks.NONE, PipelineHooks.NONE)).backend(null, null));
    }

    @Test
    void theFirstHookIsOutermostAndHooksWithoutAWrapperAreSkipped() {
        List<String> seen = new ArrayList<>();
        PipelineHooks hooks = PipelineHooks.all(List.of(noting("a", seen), PipelineHooks.NONE, noting("b", seen)));
        Response answer = new Response(new java.util.LinkedHashMap<>(), true);
        Proxy inner = r -> {
            seen.add("backend");
            return Future.succeededFuture(answer);
        };
        Future<Response> out = hooks.backend(null, null).wrap(inner).handle(null);
        assertSame(answer, out.result());
        assertEquals(List.of("a", "b", "backend"), seen);
    }
}

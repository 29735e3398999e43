package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiddlewareChainTest {
    /** A middleware that notes its name on the way in and on the way out, so the order of wrapping shows. */
    private static Middleware noting(String name, List<String> seen) {
        return next -> r -> {
            seen.add(name + ">");
            return next.handle(r).onSuccess(x -> seen.add("<" + name));
        };
    }

    @Test
    void nothingToChainIsNull() {
        assertNull(Middleware.chain(List.of()));
        assertNull(Middleware.chain(Arrays.asList(null, null)));
    }

    @Test
    void theFirstIsOutermostAndNullsAreSkipped() {
        List<String> seen = new ArrayList<>();
        Middleware m = Middleware.chain(Arrays.asList(noting("a", seen), null, noting("b", seen)));
        Response answer = new Response(new LinkedHashMap<>(), true);
        Proxy inner = r -> {
            seen.add("backend");
            return Future.succeededFuture(answer);
        };
        assertSame(answer, m.wrap(inner).handle(null).result());
        assertEquals(List.of("a>", "b>", "backend", "<b", "<a"), seen);
    }
}

package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.await;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {

    /** Runs the builder and returns the request the backend received. */
    private static Request build(String method, String urlPattern, Request in) throws Exception {
        Request[] seen = {null};
        await(builder(method, urlPattern, seen).handle(in));
        return seen[0];
    }

    /** The builder in front of a backend that notes the request it received in {@code seen[0]}. */
    private static Proxy builder(String method, String urlPattern, Request[] seen) {
        return new RequestBuilder(method, urlPattern).wrap(req -> {
            seen[0] = req;
            return Future.succeededFuture(ok(Map.of()));
        });
    }

    @Test
    void expandsPathAndStaticQueryFromParams() throws Exception {
        Request r = build("POST", "/param_forwarding/{bar}?foo={foo}", request(Map.of("Bar", "b", "Foo", "f")));

        assertEquals("POST", r.method);
        assertEquals("/param_forwarding/b", r.path);
        assertEquals("foo=f", r.rawQuery);
    }

    @Test
    void patternWithoutQueryLeavesRawQueryEmpty() throws Exception {
        Request r = build("GET", "/users/{id}", request(Map.of("Id", "7")));

        assertEquals("/users/7", r.path);
        assertEquals("", r.rawQuery);
    }

    @Test
    void theIncomingRequestIsNotChanged() throws Exception {
        Request in = request(Map.of("Bar", "b"));

        build("DELETE", "/x/{bar}?y=1", in);

        assertEquals("GET", in.method);
        assertEquals("/", in.path);
        assertEquals("", in.rawQuery);
    }

    @Test
    void paramValuesAreEscapedForTheRequestLine() throws Exception {
        Request r = build("GET", "/users/{id}?q={id}", request(Map.of("Id", "a b")));

        assertEquals("/users/a%20b", r.path);
        assertEquals("q=a%20b", r.rawQuery);
    }

    @Test
    void aValueNoRequestLineCanCarryFailsThisBackendWithoutCallingIt() {
        Request[] seen = {null};
        Future<Response> f = builder("GET", "/users/{id}", seen).handle(request(Map.of("Id", "a\r\nHost: evil")));

        org.junit.jupiter.api.Assertions.assertTrue(f.failed());
        org.junit.jupiter.api.Assertions.assertInstanceOf(BackendException.class, f.cause());
        org.junit.jupiter.api.Assertions.assertNull(seen[0]);
    }
}

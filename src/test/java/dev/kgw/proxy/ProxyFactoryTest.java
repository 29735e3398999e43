package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.backend.BodyBudget;
import dev.kgw.backend.ClientInterceptor;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Problems;
import dev.kgw.config.ServiceConfig;
import dev.kgw.encoding.JsonCodec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline {@link ProxyFactory} builds, against a real HTTP backend: the namespaces' positions sit where
 * KrakenD CE's factory stack puts them, around the layers the factory itself composes.
 */
class ProxyFactoryTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer backend;
    private HttpExecutor http;

    @BeforeEach
    void start() throws Exception {
        backend = vertx.createHttpServer().requestHandler(req -> {
            seen.add("server " + req.path() + " x-in=" + req.getHeader("X-In") + " x-other=" + req.getHeader("X-Other")
                    + " x-call=" + req.getHeader("X-Call"));
            req.response().putHeader("Content-Type", "application/json").end("{\"from\":\"" + req.path() + "\"}");
        }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = new HttpExecutor(vertx, config("[]").client(), BodyBudget.forHeap());
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ServiceConfig config(String endpoints) throws Exception {
        Problems problems = new Problems();
        String host = backend == null ? "http://127.0.0.1:1" : "http://127.0.0.1:" + backend.actualPort();
        ServiceConfig c = new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree(
                "{\"version\": 3, \"host\": [\"" + host + "\"], \"endpoints\": " + endpoints + "}"), problems);
        assertTrue(problems.errors().isEmpty(), problems.all().toString());
        return c;
    }

    /** Notes every position it passes, and what the request and answer look like there. */
    private final ProxyStages recording = new ProxyStages() {
        @Override
        public Middleware pipe(EndpointConfig e) {
            return next -> r -> {
                seen.add("pipe");
                return next.handle(r).onSuccess(resp -> seen.add("pipe out " + resp.data.keySet()));
            };
        }

        @Override
        public Middleware merged(EndpointConfig e) {
            return next -> r -> {
                seen.add("merged");
                return next.handle(r).onSuccess(resp -> seen.add("merged out " + resp.data.keySet()));
            };
        }

        @Override
        public Middleware backend(EndpointConfig e, BackendConfig b) {
            return next -> r -> {
                // after the balancer (a URL) and after the header filter (only X-In of the two is allowed)
                seen.add("backend " + b.urlPattern() + " url=" + (r.url != null) + " headers=" + r.headers.keySet());
                return next.handle(r);
            };
        }

        @Override
        public ClientInterceptor client(EndpointConfig e, BackendConfig b) {
            return (call, chain) -> {
                seen.add("client " + call.url().replaceFirst("http://[^/]+", ""));
                return chain.proceed(call.withHeader("X-Call", "1"));
            };
        }
    };

    private Response run(ServiceConfig c) throws Exception {
        EndpointConfig e = c.endpoints().get(0);
        Proxy p = new ProxyFactory(vertx, http, new JsonCodec(), c.dnsCacheTtl(), recording).endpoint(e);
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("X-In", List.of("a"));
        headers.put("X-Other", List.of("b"));
        Request r = new Request("GET", "/", new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>(), headers,
                null, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        return vertx.<Response>executeBlocking(() -> null).compose(x -> p.handle(r)).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theNamespacePositionsSitWhereKrakendPutsThem() throws Exception {
        ServiceConfig c = config("""
                [{"endpoint": "/e", "extra_config": {"proxy": {"static": {"strategy": "always",
                   "data": {"static": true}}}},
                  "backend": [{"url_pattern": "/a", "input_headers": ["X-In"]}]}]""");
        Response out = run(c);
        assertTrue(out.complete);
        assertEquals(List.of("pipe", "merged", "backend /a url=true headers=[X-In]", "client /a",
                "server /a x-in=a x-other=null x-call=1", "merged out [from]", "pipe out [from, static]"), seen,
                "pipe outside static data, merged inside it; backend after balancer and header filter; the"
                        + " interceptor around the HTTP exchange");
    }

    @Test
    void eachBackendOfAMergeHasItsOwnBackendAndClientStages() throws Exception {
        ServiceConfig c = config("""
                [{"endpoint": "/e", "backend": [{"url_pattern": "/a", "group": "a"},
                                                {"url_pattern": "/b", "group": "b"}]}]""");
        Response out = run(c);
        assertEquals(List.of("a", "b"), List.copyOf(new java.util.TreeSet<>(out.data.keySet())));
        assertEquals("pipe", seen.get(0));
        assertEquals("merged", seen.get(1));
        for (String path : List.of("/a", "/b")) {
            int backendAt = seen.indexOf("backend " + path + " url=true headers=[X-In, X-Other]");
            int clientAt = seen.indexOf("client " + path);
            assertTrue(backendAt > 1 && clientAt > backendAt, path + ": " + seen);
        }
        assertEquals("pipe out [a, b]", seen.get(seen.size() - 1));
        assertEquals("merged out [a, b]", seen.get(seen.size() - 2), "the merged stage sees the merged answer");
    }
}

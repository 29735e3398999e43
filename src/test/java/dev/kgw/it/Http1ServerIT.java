package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.x as clients speak it, byte by byte, against both listeners a clear-text node can have: its own server
 * (the default) and Vert.x's ({@code -Dkgw.server=vertx}, which TLS and HTTP/2 configs use). Both must answer
 * alike: pipelined requests in order, HTTP/1.0 and {@code Connection: close}, {@code 100-continue}, HEAD, a body
 * nobody read, a malformed head.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Http1ServerIT {
    private TestBackend backend;
    private int ownPort;
    private int vertxPort;
    private Process own;
    private Process vertx;

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend();
        ownPort = Nodes.freePort();
        own = Nodes.runNode(List.of(), config(ownPort), ownPort);
        vertxPort = Nodes.freePort();
        vertx = Nodes.runNode(List.of("-Dkgw.server=vertx"), config(vertxPort), vertxPort);
    }

    @AfterAll
    void stop() throws Exception {
        if (own != null) Nodes.stopNode(own);
        if (vertx != null) Nodes.stopNode(vertx);
        if (backend != null) backend.close();
    }

    private String config(int port) {
        String b = backend.url();
        return """
            {"version": 3, "port": %d, "extra_config": {"router": {"disable_access_log": true}},
             "endpoints": [
               {"endpoint": "/ping", "backend": [{"host": ["%s"], "url_pattern": "/user"}]},
               {"endpoint": "/ping", "method": "POST", "backend": [{"host": ["%s"], "url_pattern": "/echo"}]},
               {"endpoint": "/slow", "backend": [{"host": ["%s"], "url_pattern": "/slow"}]},
               {"endpoint": "/noop", "method": "POST", "output_encoding": "no-op",
                "backend": [{"host": ["%s"], "url_pattern": "/noop", "encoding": "no-op"}]}]}
            """.formatted(port, b, b, b, b);
    }

    private int port(String server) { return server.equals("own") ? ownPort : vertxPort; }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void pipelinedRequestsAreAnsweredInOrderEvenBehindASlowOne(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            c.send(RawHttp.get("/slow") + RawHttp.get("/missing") + RawHttp.get("/ping"));
            RawHttp.Response slow = c.read();
            assertEquals(200, slow.status());
            assertTrue(slow.body().contains("slow"), slow.body());
            assertEquals(404, c.read().status());
            RawHttp.Response ping = c.read();
            assertEquals(200, ping.status());
            assertTrue(ping.body().contains("Ada"), ping.body());
            assertEquals(200, c.exchange(RawHttp.get("/ping")).status(), "the connection is still usable");
        }
    }

    /** A read's worth of pipelined requests answered at once, each behind the one before: all in order. */
    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void aThousandPipelinedRequestsInOneWriteAreAllAnswered(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 10_000)) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 1000; i++) all.append(RawHttp.get(i % 2 == 0 ? "/missing" + i : "/ping/"));
            c.send(all.toString());
            for (int i = 0; i < 1000; i++) {
                RawHttp.Response r = c.read();
                assertEquals(i % 2 == 0 ? 404 : 301, r.status(), "answer " + i);
            }
            assertEquals(200, c.exchange(RawHttp.get("/ping")).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void http10ClosesUnlessAskedToKeepAlive(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            RawHttp.Response r = c.exchange("GET /ping HTTP/1.0\r\n\r\n");
            assertEquals(200, r.status());
            assertTrue(r.body().contains("Ada"), r.body());
            assertTrue(c.closedByPeer(), "an HTTP/1.0 connection without keep-alive closes after its answer");
        }
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            RawHttp.Response r = c.exchange("GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(200, r.status());
            assertEquals("keep-alive", r.header("Connection").toLowerCase(java.util.Locale.ROOT));
            assertEquals(200, c.exchange("GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void connectionCloseIsHonoured(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            RawHttp.Response r = c.exchange("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(200, r.status());
            assertTrue(r.closes(), "the answer says it closes: " + r.headers());
            assertTrue(c.closedByPeer());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void expectContinueGets100ThenTheAnswer(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            c.send("POST /ping HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertEquals(100, c.readHead().status());
            c.send("hello");
            RawHttp.Response r = c.read();
            assertEquals(200, r.status());
            assertTrue(r.body().contains("\"body\":\"hello\""), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void headGetsTheHeadOnlyAndTheConnectionGoesOn(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            c.send("HEAD /ping HTTP/1.1\r\nHost: x\r\n\r\n"); // no endpoint has HEAD (KrakenD routes none)
            RawHttp.Response head = c.readHead();
            assertEquals(405, head.status());
            RawHttp.Response next = c.exchange(RawHttp.get("/ping"));
            assertEquals(200, next.status(), "no body bytes were left before the next answer");
            assertTrue(next.body().contains("Ada"), next.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void aBodyNobodyReadsIsSkippedNotTakenForTheNextRequest(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            String smuggled = "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n";
            c.send("GET /missing HTTP/1.1\r\nHost: x\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled
                    + RawHttp.get("/ping"));
            assertEquals(404, c.read().status());
            RawHttp.Response r = c.read();
            assertEquals(200, r.status());
            assertTrue(r.body().contains("Ada"), "the body was not read as a request: " + r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void noopStreamsBothWays(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            c.send("POST /noop HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
            RawHttp.Response r = c.read();
            assertEquals(202, r.status());
            assertEquals("accepted abcde", r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "vertx"})
    void aMalformedHeadIs400AndTheConnectionCloses(String server) throws Exception {
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            RawHttp.Response r = c.exchange("GET /ping HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n");
            assertEquals(400, r.status());
            assertTrue(c.closedByPeer());
        }
        try (RawHttp c = new RawHttp(port(server), 5000)) {
            assertEquals(200, c.exchange(RawHttp.get("/ping")).status(), "the node serves the next client");
        }
    }
}

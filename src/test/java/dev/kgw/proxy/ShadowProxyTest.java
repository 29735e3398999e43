package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.answer;
import static dev.kgw.proxy.Fakes.cause;
import static dev.kgw.proxy.Fakes.failing;
import static dev.kgw.proxy.Fakes.never;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.request;
import static dev.kgw.proxy.Fakes.throwing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowProxyTest {
    private static final Response MAIN = ok(Map.of("from", "main"));

    /** A proxy that notes the requests it gets and answers with {@code answer}. */
    private static final class Recorder implements Proxy {
        final List<Request> seen = new ArrayList<>();
        final Proxy answer;

        Recorder(Proxy answer) { this.answer = answer; }

        @Override
        public Future<Response> handle(Request request) {
            seen.add(request);
            return answer.handle(request);
        }
    }

    private static Recorder main() { return new Recorder(req -> Future.succeededFuture(MAIN)); }

    @Test
    void everyShadowGetsItsOwnCopyOfTheRequest() {
        Recorder main = main();
        Recorder first = new Recorder(req -> Future.succeededFuture(ok(Map.of())));
        Recorder second = new Recorder(req -> Future.succeededFuture(ok(Map.of())));
        Request request = request(Map.of("Id", "7"));

        answer(new ShadowProxy(main, List.of(first, second)).handle(request));

        for (Recorder shadow : List.of(first, second)) {
            Request copy = shadow.seen.get(0);
            assertNotSame(request, copy, "a shadow changing its request must not change the real one");
            assertEquals(request.path, copy.path);
            assertEquals(Map.of("Id", "7"), copy.params);
            assertEquals(request.deadlineNanos, copy.deadlineNanos);
        }
        assertSame(request, main.seen.get(0));
    }

    @Test
    void theBodyStreamGoesToTheRealBackendOnly() {
        Recorder main = main();
        Recorder shadow = new Recorder(req -> Future.succeededFuture(ok(Map.of())));
        Request request = request();
        ReadStream<Buffer> body = RecordParser.newDelimited("\n"); // any stream: only where it goes is checked
        request.bodyStream = body;

        new ShadowProxy(main, List.of(shadow)).handle(request);

        assertNull(shadow.seen.get(0).bodyStream, "a stream can be read once");
        assertSame(body, main.seen.get(0).bodyStream);
    }

    @Test
    void theShadowsAnswerNeverReachesTheClient() {
        Proxy shadow = req -> Future.succeededFuture(ok(Map.of("from", "shadow", "extra", 1)));

        Response r = answer(new ShadowProxy(main(), List.of(shadow)).handle(request()));

        assertSame(MAIN, r);
        assertEquals(Map.of("from", "main"), r.data);
        assertTrue(r.complete);
        assertNull(r.error);
    }

    @Test
    void aFailingOrThrowingShadowDoesNotFailTheResponse() {
        Recorder after = new Recorder(req -> Future.succeededFuture(ok(Map.of())));
        Proxy p = new ShadowProxy(main(), List.of(failing("shadow down"), throwing("shadow bug"), after));

        Response r = answer(p.handle(request()));

        assertSame(MAIN, r);
        assertNull(r.error);
        assertEquals(1, after.seen.size(), "a shadow throwing does not keep the next one from its copy");
    }

    @Test
    void aSlowShadowDoesNotDelayTheResponse() {
        Promise<Response> shadowAnswer = Promise.promise();
        Recorder shadow = new Recorder(req -> shadowAnswer.future());

        Future<Response> f = new ShadowProxy(main(), List.of(shadow, never())).handle(request());

        assertEquals(1, shadow.seen.size());
        assertSame(MAIN, answer(f), "answered while the shadows still run");
        shadowAnswer.fail(new BackendException("late and broken"));
        assertSame(MAIN, answer(f));
    }

    @Test
    void theRealBackendsFailureIsTheResponseEvenWhenTheShadowAnswers() {
        BackendException down = new BackendException("main down");
        Proxy p = new ShadowProxy(req -> Future.failedFuture(down),
                List.of(req -> Future.succeededFuture(ok(Map.of("from", "shadow")))));

        assertSame(down, cause(p.handle(request())));
    }
}

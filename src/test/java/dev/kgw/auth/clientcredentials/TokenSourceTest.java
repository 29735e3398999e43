package dev.kgw.auth.clientcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a backend's token is fetched, on a manual clock with fetches the test completes. */
class TokenSourceTest {
    private static final long SEC = 1_000_000_000L;
    private long now = 77 * SEC;
    private final List<Promise<Token>> fetches = new ArrayList<>();
    private final TokenSource source = new TokenSource(() -> {
        Promise<Token> p = Promise.promise();
        fetches.add(p);
        return p.future();
    }, () -> now);

    @Test
    void oneFetchForEveryoneWaitingThenReusedUntilTenSecondsBeforeExpiry() {
        List<Future<Token>> waiting = new ArrayList<>();
        for (int i = 0; i < 100; i++) waiting.add(source.token());
        assertEquals(1, fetches.size(), "100 waiting calls, one token request");
        fetches.get(0).complete(new Token("t1", "bearer", 60));
        assertTrue(waiting.stream().allMatch(f -> f.succeeded() && f.result().value().equals("t1")));
        now += 49 * SEC;
        assertEquals("t1", source.token().result().value());
        assertEquals(1, fetches.size());
        now += 2 * SEC; // 51 s: within ten seconds of expiry
        source.token();
        assertEquals(2, fetches.size());
    }

    @Test
    void aFailureFailsFastForASecondThenIsRetried() {
        Future<Token> f = source.token();
        fetches.get(0).fail("connection refused");
        assertTrue(f.failed());
        assertTrue(source.token().failed());
        assertEquals(1, fetches.size(), "the token endpoint that is down is not hammered");
        now += 2 * SEC;
        source.token();
        assertEquals(2, fetches.size());
    }

    @Test
    void withoutExpiresInTheTokenIsKept() {
        source.token();
        fetches.get(0).complete(new Token("t", null, -1));
        now += 1_000_000 * SEC;
        assertEquals("Bearer t", source.token().result().authorization());
        assertEquals(1, fetches.size());
    }

    @Test
    void answersInJsonOrForm() {
        Token json = TokenEndpoint.parse("application/json", Buffer.buffer(
                "{\"access_token\":\"a\",\"token_type\":\"mac\",\"expires_in\":3600}"));
        assertEquals("MAC a", json.authorization());
        assertEquals(3600, json.expiresInSeconds());
        Token form = TokenEndpoint.parse("application/x-www-form-urlencoded",
                Buffer.buffer("access_token=b%2Bc&expires_in=10"));
        assertEquals("Bearer b+c", form.authorization());
        assertEquals(10, form.expiresInSeconds());
    }
}

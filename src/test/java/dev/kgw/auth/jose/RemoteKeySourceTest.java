package dev.kgw.auth.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The download policy of a JWKS URL, on a manual clock and with downloads the test completes itself. */
class RemoteKeySourceTest {
    private static final long SEC = TimeUnit.SECONDS.toNanos(1);

    private long now = 1_000 * SEC;
    private final List<Promise<Buffer>> downloads = new ArrayList<>();

    private RemoteKeySource source(long ttl, long cooldown) {
        return new RemoteKeySource("https://keys", () -> {
            Promise<Buffer> p = Promise.promise();
            downloads.add(p);
            return p.future();
        }, body -> {
            try {
                return KeySet.parse(body.getBytes(), KeyIdStrategy.KID);
            } catch (ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }, () -> now, ttl, cooldown);
    }

    private static Buffer set(String... kids) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < kids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"").append(kids[i]).append("\"}");
        }
        return Buffer.buffer(sb.append("]}").toString());
    }

    @Test
    void concurrentRequestsShareOneDownloadThenTheCache() {
        RemoteKeySource s = source(60 * SEC, 10 * SEC);
        Future<VerificationKey> a = s.key("k1");
        Future<VerificationKey> b = s.key("k1");
        assertEquals(1, downloads.size(), "one download for both");
        downloads.get(0).complete(set("k1"));
        assertTrue(a.succeeded() && b.succeeded());
        now += 59 * SEC;
        assertTrue(s.key("k1").succeeded());
        assertEquals(1, downloads.size(), "served from the cache within its lifetime");
        now += 2 * SEC;
        Future<VerificationKey> c = s.key("k1");
        assertEquals(2, downloads.size(), "expired: downloaded again");
        downloads.get(1).complete(set("k1"));
        assertTrue(c.succeeded());
    }

    @Test
    void unknownKidsRefreshAtMostOncePerCooldownAndRotationIsPickedUp() {
        RemoteKeySource s = source(600 * SEC, 10 * SEC);
        s.key("k1");
        downloads.get(0).complete(set("k1"));
        for (int i = 0; i < 1000; i++) assertTrue(s.key("random-" + i).failed());
        assertEquals(1, downloads.size(), "a flood of unknown kids within the cooldown downloads nothing");
        now += 11 * SEC;
        Future<VerificationKey> rotated = s.key("k2");
        assertEquals(2, downloads.size(), "after the cooldown one refresh");
        assertTrue(s.key("k3").isComplete() == false, "a second unknown kid joins the refresh in flight");
        assertEquals(2, downloads.size());
        downloads.get(1).complete(set("k1", "k2"));
        assertTrue(rotated.succeeded(), "the new key is accepted after one refresh");
        assertTrue(s.key("k2").succeeded());
    }

    @Test
    void aFailedDownloadIsNotRetriedBeforeTheCooldownAndAnExpiredSetIsNotUsed() {
        RemoteKeySource s = source(60 * SEC, 10 * SEC);
        s.key("k1");
        downloads.get(0).complete(set("k1"));
        now += 61 * SEC;
        Future<VerificationKey> f = s.key("k1");
        downloads.get(1).fail("connection refused");
        assertTrue(f.failed(), "expired and the refresh failed: fail closed");
        for (int i = 0; i < 100; i++) assertTrue(s.key("k1").failed());
        assertEquals(2, downloads.size(), "the server that is down is not hammered");
        now += 11 * SEC;
        s.key("k1");
        assertEquals(3, downloads.size());
        downloads.get(2).complete(set("k1"));
        assertTrue(s.key("k1").succeeded());
    }

    @Test
    void withoutCacheEachRequestDownloadsOnceAndNothingIsTrusted() {
        RemoteKeySource s = source(0, 10 * SEC);
        Future<VerificationKey> a = s.key("k1");
        downloads.get(0).complete(set("k1"));
        assertTrue(a.succeeded());
        assertEquals(now, s.trustedUntilNanos(), "no verified token may be remembered");
        s.key("k1");
        assertEquals(2, downloads.size(), "cache: false downloads again (once, not twice as KrakenD)");
        assertFalse(s.fresh());
    }
}

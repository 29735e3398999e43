package dev.kgw.qos.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.backend.UpstreamCall;
import dev.kgw.backend.UpstreamResponse;
import dev.kgw.qos.httpcache.Freshness.Verdict;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** gregjones/httpcache's rules as KrakenD runs them, with a clock the test moves and a backend it scripts. */
class HttpCachePolicyTest {
    private static final long T0 = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();
    private final AtomicLong now = new AtomicLong(T0);
    private final List<UpstreamCall> sent = new ArrayList<>();
    /** What the scripted backend answers next. */
    private final List<UpstreamResponse> script = new ArrayList<>();
    private final CacheCounters counters = new CacheCounters();
    private LruStore store = new LruStore(100, 1 << 20);
    private HttpCacheInterceptor cache = new HttpCacheInterceptor(store, now::get, counters);

    private static String date(long millis) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(millis));
    }

    private static UpstreamResponse answer(int status, String body, String... headers) {
        MultiMap h = HttpHeaders.headers();
        for (int i = 0; i < headers.length; i += 2) h.add(headers[i], headers[i + 1]);
        return new UpstreamResponse(status, h, Buffer.buffer(body), null, null, "http://b/x", 0);
    }

    private static UpstreamCall call(String method, String url, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i], List.of(headers[i + 1]));
        return new UpstreamCall(method, url, h, null, null, false, Long.MAX_VALUE, false, true, 1 << 20);
    }

    private UpstreamResponse send(UpstreamCall c) {
        Future<UpstreamResponse> f = cache.intercept(c, next -> {
            sent.add(next);
            return script.isEmpty() ? Future.failedFuture(new RuntimeException("backend down"))
                    : Future.succeededFuture(script.remove(0));
        });
        assertTrue(f.isComplete());
        return f.succeeded() ? f.result() : null;
    }

    private String get(String... headers) {
        UpstreamResponse r = send(call("GET", "http://b/x", headers));
        return r == null ? "error" : r.status() + " " + r.body();
    }

    @Test
    void aFreshAnswerIsServedFromMemoryUntilMaxAgePasses() {
        script.add(answer(200, "v1", "Date", date(T0), "Cache-Control", "max-age=60"));
        assertEquals("200 v1", get());
        now.addAndGet(59_000);
        assertEquals("200 v1", get());
        assertEquals(1, sent.size(), "one call in its lifetime");
        assertEquals(1, counters.hits.sum());
        assertTrue(sent.get(0).stream() == false, "the answer is read so that it can be stored");
        now.addAndGet(1_000);
        script.add(answer(200, "v2", "Date", date(now.get()), "Cache-Control", "max-age=60"));
        assertEquals("200 v2", get(), "stale at 60 s: asked again");
        assertEquals(2, sent.size());
    }

    @Test
    void expiresCountsFromDateAndMaxAgeWinsOverIt() {
        assertEquals(Verdict.FRESH, Freshness.of(null, date(T0), date(T0 + 30_000), null, T0 + 29_000));
        assertEquals(Verdict.STALE, Freshness.of(null, date(T0), date(T0 + 30_000), null, T0 + 30_000));
        assertEquals(Verdict.FRESH, Freshness.of("max-age=60", date(T0), date(T0), null, T0 + 59_000));
        assertEquals(Verdict.STALE, Freshness.of("max-age=60", date(T0), "garbage", null, T0 + 61_000));
        assertEquals(Verdict.STALE, Freshness.of(null, date(T0), "garbage", null, T0));
    }

    @Test
    void noDateOrNoLifetimeIsStaleThereIsNoHeuristic() {
        assertEquals(Verdict.STALE, Freshness.of("max-age=60", null, null, null, T0));
        assertEquals(Verdict.STALE, Freshness.of(null, date(T0), null, null, T0), "Last-Modified alone is no lifetime");
    }

    @Test
    void requestDirectives() {
        String d = date(T0);
        assertEquals(Verdict.TRANSPARENT, Freshness.of("max-age=60", d, null, "no-cache", T0));
        assertEquals(Verdict.STALE, Freshness.of("no-cache, max-age=60", d, null, null, T0));
        assertEquals(Verdict.STALE, Freshness.of("no-cache", d, null, "only-if-cached", T0),
                "the answer's no-cache is read before the request's only-if-cached");
        assertEquals(Verdict.FRESH, Freshness.of(null, null, null, "only-if-cached", T0));
        assertEquals(Verdict.STALE, Freshness.of("max-age=60", d, null, "max-age=10", T0 + 10_000),
                "a request max-age replaces the lifetime");
        assertEquals(Verdict.FRESH, Freshness.of("max-age=5", d, null, "max-age=100", T0 + 50_000),
                "...even a longer one");
        assertEquals(Verdict.STALE, Freshness.of("max-age=60", d, null, "min-fresh=20", T0 + 41_000));
        assertEquals(Verdict.FRESH, Freshness.of("max-age=60", d, null, "min-fresh=20", T0 + 39_000));
        assertEquals(Verdict.FRESH, Freshness.of("max-age=60", d, null, "max-stale=30", T0 + 89_000));
        assertEquals(Verdict.STALE, Freshness.of("max-age=60", d, null, "max-stale=30", T0 + 90_000));
        assertEquals(Verdict.FRESH, Freshness.of("max-age=60", d, null, "max-stale", T0 + 10_000_000));
    }

    @Test
    void theNaiveParserOfGregjones() {
        CacheControl cc = CacheControl.parse(" max-age=60 ,private, no-store,");
        assertEquals("60", cc.value("max-age"));
        assertEquals("", cc.value("private"));
        assertTrue(cc.has("no-store"));
        assertNull(cc.value("Max-Age"), "directives keep their case");
        assertEquals(Verdict.STALE, Freshness.of("max-age=\"60\"", date(T0), null, null, T0),
                "a quoted number does not parse: zero lifetime");
    }

    @Test
    void aRequestWithNoCacheGoesToTheBackendAndItsAnswerReplacesTheEntry() {
        script.add(answer(200, "v1", "Date", date(T0), "Cache-Control", "max-age=60"));
        get();
        script.add(answer(200, "v2", "Date", date(T0), "Cache-Control", "max-age=60"));
        assertEquals("200 v2", get("Cache-Control", "no-cache"));
        assertNull(sent.get(1).header("If-None-Match"), "transparent: no validators");
        assertEquals("200 v2", get());
        assertEquals(2, sent.size());
    }

    @Test
    void noStoreInTheAnswerOrTheRequestIsNeverStored() {
        script.add(answer(200, "v1", "Date", date(T0), "Cache-Control", "max-age=60, no-store"));
        script.add(answer(200, "v2", "Date", date(T0), "Cache-Control", "max-age=60"));
        script.add(answer(200, "v3", "Date", date(T0), "Cache-Control", "max-age=60"));
        get();
        get("Cache-Control", "no-store");
        assertEquals("200 v3", get());
        assertEquals(3, sent.size());
    }

    @Test
    void anythingElseIsStoredEvenWithoutALifetimeOrWithAnErrorStatus() {
        script.add(answer(404, "nope", "Date", date(T0), "Cache-Control", "max-age=60"));
        assertEquals("404 nope", get());
        assertEquals("404 nope", get(), "KrakenD's store rule: only no-store keeps an answer out");
        assertEquals(1, sent.size());
    }

    @Test
    void staleWithValidatorsIsRevalidatedAndA304RefreshesTheStoredHeaders() {
        script.add(answer(200, "body", "Date", date(T0), "Cache-Control", "max-age=10", "ETag", "\"e1\"",
                "Last-Modified", date(T0 - 1000), "X-Version", "1"));
        get();
        now.addAndGet(11_000);
        script.add(answer(304, "", "Date", date(now.get()), "Cache-Control", "max-age=10", "X-Version", "2"));
        UpstreamResponse r = send(call("GET", "http://b/x"));
        assertEquals(200, r.status());
        assertEquals("body", r.body().toString());
        assertEquals("2", r.headers().get("X-Version"), "end-to-end headers of the 304 replace the stored ones");
        assertEquals("\"e1\"", sent.get(1).header("If-None-Match"));
        assertEquals(date(T0 - 1000), sent.get(1).header("If-Modified-Since"));
        assertEquals(1, counters.revalidated.sum());
        assertEquals("200 body", get(), "fresh again from the 304's Date");
        assertEquals(2, sent.size());
    }

    @Test
    void aNon200RevalidationDeletesTheEntry() {
        script.add(answer(200, "body", "Date", date(T0), "Cache-Control", "max-age=1", "ETag", "\"e\""));
        get();
        now.addAndGet(2_000);
        script.add(answer(500, "boom", "Date", date(now.get()), "Cache-Control", "no-store"));
        assertEquals("500 boom", get());
        assertEquals(0, store.items());
    }

    @Test
    void staleIfErrorServesTheStaleAnswerWithinItsWindow() {
        script.add(answer(200, "body", "Date", date(T0), "Cache-Control", "max-age=1, stale-if-error=60"));
        get();
        now.addAndGet(30_000);
        assertEquals("200 body", get(), "the backend is down (the script is empty): stale served");
        script.add(answer(503, "busy", "Date", date(now.get())));
        assertEquals("200 body", get(), "a 5xx too");
        now.addAndGet(31_000);
        assertEquals("error", get(), "past the window: the error");
        assertEquals(2, counters.staleOnError.sum());
        script.add(answer(200, "b", "Date", date(T0), "Cache-Control", "max-age=1"));
        get("Cache-Control", "no-cache");
        now.addAndGet(5_000);
        assertEquals("200 b", get("Cache-Control", "stale-if-error"), "the request's directive, without a value");
    }

    @Test
    void varyKeepsTheRequestValuesAndAMismatchGoesToTheBackend() {
        script.add(answer(200, "gzip-en", "Date", date(T0), "Cache-Control", "max-age=60", "Vary", "Accept-Language"));
        assertEquals("200 gzip-en", get("Accept-Language", "en"));
        assertEquals("200 gzip-en", get("Accept-Language", "en"));
        script.add(answer(200, "fr", "Date", date(T0), "Cache-Control", "max-age=60", "Vary", "Accept-Language"));
        assertEquals("200 fr", get("Accept-Language", "fr"));
        assertEquals(2, sent.size());
        assertNull(sent.get(1).header("If-None-Match"));
        assertEquals("200 fr", get("Accept-Language", "fr"), "the last variant is the one kept (one entry per URL)");
        script.add(answer(200, "none", "Date", date(T0), "Cache-Control", "max-age=60", "Vary", "Accept-Language"));
        assertEquals("200 none", get(), "no header is a value of its own");
    }

    @Test
    void onlyIfCachedWithoutAnEntryIs504() {
        UpstreamResponse r = send(call("GET", "http://b/x", "Cache-Control", "only-if-cached"));
        assertEquals(504, r.status());
        assertEquals(0, sent.size());
    }

    @Test
    void rangeRequestsAndWritesAreNotCachedAndRangeForgetsTheEntry() {
        script.add(answer(200, "v1", "Date", date(T0), "Cache-Control", "max-age=60"));
        get();
        script.add(answer(200, "posted", "Date", date(T0)));
        send(call("POST", "http://b/x"));
        assertEquals("200 v1", get(), "a POST does not invalidate the GET (gregjones's keys)");
        script.add(answer(206, "v", "Date", date(T0)));
        send(call("GET", "http://b/x", "Range", "bytes=0-0"));
        assertEquals(0, store.items(), "a GET with Range deletes the entry");
        script.add(answer(200, "h", "Date", date(T0), "Cache-Control", "max-age=60"));
        send(call("HEAD", "http://b/x"));
        send(call("HEAD", "http://b/x"));
        assertEquals(4, sent.size(), "HEAD is cached under its own key");
    }

    @Test
    void theStoreIsBoundedByEntriesAndBytesAtOnce() {
        LruStore lru = new LruStore(3, 1000);
        CachedAnswer small = CachedAnswer.of(200, HttpHeaders.headers(), Buffer.buffer("x".repeat(100)), Map.of());
        for (String k : List.of("a", "b", "c", "d")) lru.put(k, small);
        assertEquals(3, lru.items(), "max_items");
        assertNull(lru.get("a"), "the least recently used went");
        lru.get("b");
        CachedAnswer big = CachedAnswer.of(200, HttpHeaders.headers(), Buffer.buffer("y".repeat(700)), Map.of());
        lru.put("e", big);
        assertTrue(lru.bytes() <= 1000, "max_size: " + lru.bytes());
        assertTrue(lru.get("b") != null && lru.get("e") != null, "b was used last, e is new");
        assertNull(lru.get("c"));
        CachedAnswer huge = CachedAnswer.of(200, HttpHeaders.headers(), Buffer.buffer("z".repeat(1000)), Map.of());
        lru.put("f", huge);
        assertNull(lru.get("f"), "a value as large as the bound is not stored");
        long before = lru.bytes();
        lru.put("b", small);
        assertEquals(before, lru.bytes(), "replacing a key accounts for the old value");
    }

    @Test
    void concurrentMissesForOneUrlMakeOneCall() {
        List<Promise<UpstreamResponse>> pending = new ArrayList<>();
        List<Future<UpstreamResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(cache.intercept(call("GET", "http://b/x"), next -> {
                Promise<UpstreamResponse> p = Promise.promise();
                pending.add(p);
                return p.future();
            }));
        }
        assertEquals(1, pending.size(), "one upstream call for 100 concurrent misses");
        pending.get(0).complete(answer(200, "one", "Date", date(T0), "Cache-Control", "max-age=60"));
        for (Future<UpstreamResponse> a : answers) assertEquals("one", a.result().body().toString());
        assertEquals(99, counters.coalesced.sum());
    }

    @Test
    void coalescedWaitersOfAnAnswerThatMayNotBeStoredMakeTheirOwnCall() {
        List<Promise<UpstreamResponse>> pending = new ArrayList<>();
        List<Future<UpstreamResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(cache.intercept(call("GET", "http://b/x"), next -> {
                Promise<UpstreamResponse> p = Promise.promise();
                pending.add(p);
                return p.future();
            }));
        }
        pending.get(0).complete(answer(200, "private", "Cache-Control", "no-store"));
        assertEquals(3, pending.size(), "each waiter asked for itself");
    }
}

package dev.kgw.qos.httpcache;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.backend.HopByHop;
import dev.kgw.backend.UpstreamCall;
import dev.kgw.backend.UpstreamResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * KrakenD's HTTP cache around one backend's exchanges (gregjones/httpcache as krakend-httpcache configures it):
 * GET and HEAD without {@code Range} are looked up by URL; a fresh answer is served from memory, a stale one is
 * revalidated with its {@code ETag}/{@code Last-Modified} (a 304 refreshes the stored headers), {@code
 * stale-if-error} serves it when the backend fails; anything is stored unless {@code no-store} says otherwise.
 * Beyond KrakenD: concurrent misses for one URL make one upstream call, the others wait for its answer.
 */
final class HttpCacheInterceptor implements ClientInterceptor {
    private static final Set<String> NOT_MERGED_ON_304 = Set.of("content-length");

    private final LruStore store;
    private final LongSupplier wallClock;
    private final CacheCounters counters;
    /** Misses being fetched, by key: the leader's answer, for the followers. */
    private final Map<String, Future<UpstreamResponse>> inFlight = new ConcurrentHashMap<>();

    HttpCacheInterceptor(LruStore store, LongSupplier wallClock, CacheCounters counters) {
        this.store = store;
        this.wallClock = wallClock;
        this.counters = counters;
    }

    @Override
    public Future<UpstreamResponse> intercept(UpstreamCall call, Chain chain) {
        String method = call.method();
        boolean get = method.equals("GET");
        String key = get ? call.url() : method + " " + call.url();
        if (!(get || method.equals("HEAD")) || call.header("Range") != null) {
            store.remove(key); // as gregjones: a write's key is never stored, so it leaves the GET's entry alone
            return chain.proceed(call);
        }
        String reqCc = call.header("Cache-Control");
        UpstreamCall readAll = call.stream() ? call.withStream(false) : call; // the body is needed to store it
        CachedAnswer cached = store.get(key);
        if (cached == null) {
            if (CacheControl.parse(reqCc).has("only-if-cached")) {
                return Future.succeededFuture(new UpstreamResponse(504, HttpHeaders.headers(), Buffer.buffer(), null,
                        null, call.url(), 0));
            }
            counters.misses.increment();
            return coalesced(key, call, readAll, chain);
        }
        UpstreamCall upstream = readAll;
        if (varyMatches(cached, call)) {
            Freshness.Verdict v = Freshness.of(cached.freshness(), reqCc, wallClock.getAsLong());
            if (v == Freshness.Verdict.FRESH) {
                counters.hits.increment();
                return Future.succeededFuture(serve(cached, call.url(), 0));
            }
            if (v == Freshness.Verdict.STALE) upstream = withValidators(readAll, cached);
        }
        counters.misses.increment();
        CachedAnswer previous = cached;
        return chain.proceed(upstream).transform(ar -> afterRevalidation(ar, previous, key, call, reqCc));
    }

    /** The first miss for a key calls the backend; the ones that arrive meanwhile wait for its answer. */
    private Future<UpstreamResponse> coalesced(String key, UpstreamCall call, UpstreamCall readAll, Chain chain) {
        Promise<UpstreamResponse> leader = Promise.promise();
        Future<UpstreamResponse> running = inFlight.putIfAbsent(key, leader.future());
        if (running == null) {
            chain.proceed(readAll).onComplete(ar -> {
                AsyncResult<UpstreamResponse> out = stored(ar, key, call); // stored before a newcomer can miss
                inFlight.remove(key, leader.future());
                leader.handle(out);
            });
            return leader.future();
        }
        counters.coalesced.increment();
        Context context = Vertx.currentContext();
        Promise<UpstreamResponse> follower = Promise.promise();
        running.onComplete(ar -> {
            // the follower's pipeline goes on on its own event loop, not on the leader's
            Runnable finish = () -> {
                CachedAnswer now = store.get(key);
                if (ar.failed()) follower.fail(ar.cause());
                else if (now != null && varyMatches(now, call)) follower.complete(serve(now, call.url(), 0));
                else chain.proceed(readAll).onComplete(follower); // not stored, or another variant: its own call
            };
            if (context == null || context == Vertx.currentContext()) finish.run();
            else context.runOnContext(v -> finish.run());
        });
        return follower.future();
    }

    /** gregjones's last step: store what may be stored, forget what may not. */
    private AsyncResult<UpstreamResponse> stored(AsyncResult<UpstreamResponse> ar, String key, UpstreamCall call) {
        if (ar.failed()) return ar;
        UpstreamResponse up = ar.result();
        String reqCc = call.header("Cache-Control");
        if (up.body() != null && canStore(reqCc, up.headers().get("Cache-Control"))) {
            store.put(key, CachedAnswer.of(up.status(), up.headers(), up.body(), varied(up.headers(), call)));
        } else {
            store.remove(key);
        }
        return ar;
    }

    private Future<UpstreamResponse> afterRevalidation(AsyncResult<UpstreamResponse> ar, CachedAnswer cached,
                                                       String key, UpstreamCall call, String reqCc) {
        boolean get = call.method().equals("GET");
        if (ar.succeeded() && get && ar.result().status() == 304) {
            counters.revalidated.increment();
            UpstreamResponse notModified = ar.result();
            MultiMap headers = HttpHeaders.headers().addAll(cached.headers());
            for (String name : notModified.headers().names()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (HopByHop.is(lower) || NOT_MERGED_ON_304.contains(lower)) continue;
                headers.set(name, notModified.headers().getAll(name));
            }
            CachedAnswer refreshed = new CachedAnswer(cached.status(), headers, cached.body(), cached.varied(),
                    cached.size());
            if (canStore(reqCc, headers.get("Cache-Control"))) store.put(key, refreshed);
            else store.remove(key);
            // the 304's own reservation goes back with the answer that replaces it
            return Future.succeededFuture(serve(refreshed, call.url(), notModified.reserved()));
        }
        boolean failed = ar.failed() || ar.result().status() >= 500;
        if (failed && get && Freshness.staleOnError(cached.freshness(), reqCc,
                wallClock.getAsLong())) {
            counters.staleOnError.increment();
            return Future.succeededFuture(serve(cached, call.url(), ar.succeeded() ? ar.result().reserved() : 0));
        }
        if (ar.failed() || ar.result().status() != 200) store.remove(key);
        if (ar.failed()) return Future.failedFuture(ar.cause());
        return Future.succeededFuture(stored(ar, key, call).result());
    }

    private static UpstreamCall withValidators(UpstreamCall call, CachedAnswer cached) {
        UpstreamCall out = call;
        String etag = cached.headers().get("ETag");
        // gregjones looks for an "etag" request header here, not If-None-Match: kept, it is what KrakenD does
        if (etag != null && !etag.isEmpty() && call.header("Etag") == null) out = out.withHeader("If-None-Match", etag);
        String lastModified = cached.headers().get("Last-Modified");
        if (lastModified != null && !lastModified.isEmpty() && call.header("Last-Modified") == null) {
            out = out.withHeader("If-Modified-Since", lastModified);
        }
        return out;
    }

    private static boolean canStore(String reqCc, String respCc) {
        return !CacheControl.parse(reqCc).has("no-store") && !CacheControl.parse(respCc).has("no-store");
    }

    /** The request's value of each header the answer's Vary names ("" when absent, as Go's Header.Get). */
    private static Map<String, String> varied(MultiMap respHeaders, UpstreamCall call) {
        Map<String, String> out = new HashMap<>(2);
        for (String vary : respHeaders.getAll("Vary")) {
            for (String name : vary.split(",")) {
                String canonical = dev.kgw.proxy.HeaderNames.canonical(name.strip());
                if (canonical.isEmpty()) continue;
                String v = call.header(canonical);
                out.put(canonical, v == null ? "" : v);
            }
        }
        return out;
    }

    private static boolean varyMatches(CachedAnswer cached, UpstreamCall call) {
        for (Map.Entry<String, String> v : cached.varied().entrySet()) {
            String now = call.header(v.getKey());
            if (!v.getValue().equals(now == null ? "" : now)) return false;
        }
        return true;
    }

    /** A copy of the stored answer for one caller: nobody downstream shares its headers or body. */
    private static UpstreamResponse serve(CachedAnswer a, String url, long reserved) {
        return new UpstreamResponse(a.status(), HttpHeaders.headers().addAll(a.headers()),
                a.body() == null ? Buffer.buffer() : a.body().copy(), null, null, url, reserved);
    }
}

package dev.kgw.qos.httpcache;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;

/**
 * A stored answer: status, headers and body as the backend sent them (after the client's decompression), and the
 * request's values of the headers its {@code Vary} names (KrakenD keeps them as fake {@code X-Varied-*} headers).
 * Never changed once stored: a revalidated answer is a new value. Its freshness headers are parsed once, here, not
 * on every hit.
 */
record CachedAnswer(int status, MultiMap headers, Buffer body, Map<String, String> varied, long size,
                    Freshness.Stored freshness) {
    CachedAnswer(int status, MultiMap headers, Buffer body, Map<String, String> varied, long size) {
        this(status, headers, body, varied, size, Freshness.Stored.of(headers.get("Cache-Control"),
                headers.get("Date"), headers.get("Expires")));
    }

    static CachedAnswer of(int status, MultiMap headers, Buffer body, Map<String, String> varied) {
        MultiMap copy = HttpHeaders.headers().addAll(headers);
        long size = 64 + (body == null ? 0 : body.length());
        for (Map.Entry<String, String> h : copy) size += h.getKey().length() + h.getValue().length() + 4;
        for (Map.Entry<String, String> v : varied.entrySet()) size += v.getKey().length() + v.getValue().length() + 4;
        return new CachedAnswer(status, copy, body == null ? null : body.copy(), Map.copyOf(varied), size);
    }
}

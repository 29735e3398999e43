package dev.kgw.backend;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One upstream call, as an immutable value a {@link ClientInterceptor} can look at and replace (OkHttp's model):
 * an interceptor that adds a header passes {@code call.withHeader(...)} on; nobody changes a call in place.
 *
 * @param headers      canonical names; hop-by-hop ones are dropped when sent
 * @param body         the buffered body, or null
 * @param bodyStream   a client body to pipe unbuffered (no-op endpoints), or null; it can be sent once only
 * @param chunked      send the body chunked (KrakenD does when the client's Content-Length is not forwarded)
 * @param deadlineNanos {@link System#nanoTime()} past which the call is abandoned
 * @param stream       leave the answer's body unread (paused) for the caller to pipe
 * @param maxBodyBytes the most of a read (not streamed) answer held in memory
 */
public record UpstreamCall(String method, String url, Map<String, List<String>> headers, Buffer body,
                           ReadStream<Buffer> bodyStream, boolean chunked, long deadlineNanos,
                           boolean sendBodyOnRedirect, boolean stream, long maxBodyBytes) {

    public UpstreamCall withUrl(String newUrl) {
        return new UpstreamCall(method, newUrl, headers, body, bodyStream, chunked, deadlineNanos, sendBodyOnRedirect,
                stream, maxBodyBytes);
    }

    public UpstreamCall withHeaders(Map<String, List<String>> newHeaders) {
        return new UpstreamCall(method, url, Map.copyOf(newHeaders), body, bodyStream, chunked, deadlineNanos,
                sendBodyOnRedirect, stream, maxBodyBytes);
    }

    /** The same call with its answer's body read ({@code false}) or left to stream. */
    public UpstreamCall withStream(boolean streamAnswer) {
        return new UpstreamCall(method, url, headers, body, bodyStream, chunked, deadlineNanos, sendBodyOnRedirect,
                streamAnswer, maxBodyBytes);
    }

    /** The same call with one header set (replacing its values). */
    public UpstreamCall withHeader(String canonicalName, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        h.put(canonicalName, List.of(value));
        return withHeaders(h);
    }

    /** The first value of a header, or null. */
    public String header(String canonicalName) {
        List<String> v = headers.get(canonicalName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

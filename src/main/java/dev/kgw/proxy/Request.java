package dev.kgw.proxy;

import dev.kgw.backend.BodyBudget;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Map;

/**
 * What travels down the pipeline toward a backend. Middlewares that change a field work on a {@link #copy()},
 * so concurrent backends of one endpoint never see each other's changes. The maps are never changed in place:
 * a middleware that needs a different map sets a new one, which keeps {@link #copy()} to a few field writes.
 * Header names are canonical ({@code X-Y-Z}); param names are capitalised ({@code Id}), as in lura.
 */
public final class Request {
    public String method;
    /** Backend path (and, after the request builder, the static query of the url_pattern in {@link #rawQuery}). */
    public String path;
    public String rawQuery;
    /** Absolute backend URL, set by the balancer just before the call. */
    public String url;
    public Map<String, List<String>> query;
    public Map<String, String> params;
    public Map<String, List<String>> headers;
    /** The client's body, fully read; null when the request had none or it is streamed. */
    public Buffer body;
    /** no-op endpoints: the client's body, paused, piped to the one backend unbuffered. */
    public ReadStream<Buffer> bodyStream;
    /** Absolute deadline ({@link System#nanoTime()} clock) after which backends give up. */
    public long deadlineNanos;
    /** The trace this request belongs to (telemetry's, opaque here); null when nothing traces. */
    public Object trace;
    /** What the endpoint's filters left for the pipeline (JWT claims); null when they left nothing. */
    public Attributes attributes;
    /** The buffered bodies this exchange holds, released when its answer is written; null: release at once. */
    public BodyBudget.Ticket memory;

    public Request(String method, String path, Map<String, List<String>> query, Map<String, String> params,
                   Map<String, List<String>> headers, Buffer body, long deadlineNanos) {
        this.method = method;
        this.path = path;
        this.rawQuery = "";
        this.query = query;
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.deadlineNanos = deadlineNanos;
    }

    /** A shallow copy: maps and body are shared, since nobody changes them in place. */
    public Request copy() {
        Request r = new Request(method, path, query, params, headers, body, deadlineNanos);
        r.rawQuery = rawQuery;
        r.url = url;
        r.bodyStream = bodyStream;
        r.trace = trace;
        r.attributes = attributes;
        r.memory = memory;
        return r;
    }

    public String header(String canonicalName) {
        List<String> v = headers.get(canonicalName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

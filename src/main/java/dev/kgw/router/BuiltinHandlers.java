package dev.kgw.router;

import dev.kgw.encoding.JsonCodec;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The endpoints every node has: {@code /__health}, and on demand {@code /__debug/*} and {@code /__echo/*}. */
final class BuiltinHandlers {
    private static final Logger LOG = Logger.getLogger(BuiltinHandlers.class.getName());
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn Z z");
    private static final byte[] PONG = "{\"message\":\"pong\"}".getBytes(StandardCharsets.UTF_8);

    private final JsonCodec json;
    private final NodeState state;
    private final BodyLimit bodies;
    private final long startNanos = System.nanoTime();

    BuiltinHandlers(JsonCodec json, NodeState state, BodyLimit bodies) {
        this.json = json;
        this.state = state;
        this.bodies = bodies;
    }

    /**
     * KrakenD's shape, {@code {"agents":{},"now":"<Go time>","status":"ok"}}, plus the config fingerprint; while
     * the node drains, 503 and {@code "status":"draining"} so balancers stop sending it new requests.
     */
    void health(ServerRequest req) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agents", Map.of());
        body.put("config_fingerprint", state.fingerprint());
        double mono = (System.nanoTime() - startNanos) / 1e9;
        body.put("now", GO_TIME.format(ZonedDateTime.now()) + String.format(" m=+%.9f", mono));
        boolean draining = state.draining();
        body.put("status", draining ? "draining" : "ok");
        req.response().setStatusCode(draining ? 503 : 200)
                .putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(json.encode(body)));
    }

    void debug(ServerRequest req) {
        bodies.readThen(req, b -> {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("Method: " + req.method() + " URL: " + req.uri() + " Headers: " + req.headers().entries()
                        + " Body: " + b.toString(StandardCharsets.UTF_8));
            }
            bodies.release(b);
            if (!req.response().ended()) {
                req.response().putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(PONG));
            }
        });
    }

    void echo(ServerRequest req) {
        bodies.readThen(req, b -> {
            bodies.release(b);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("user", "");
            details.put("host", req.authority() == null ? "" : req.authority().toString());
            details.put("path", req.path());
            details.put("query", req.query() == null ? "" : req.query());
            details.put("fragment", "");
            Map<String, Object> headers = new LinkedHashMap<>();
            for (String n : req.headers().names()) {
                headers.put(dev.kgw.proxy.HeaderNames.canonical(n), new ArrayList<Object>(req.headers().getAll(n)));
            }
            Map<String, Object> query = new LinkedHashMap<>();
            req.params().names().forEach(n -> query.put(n, new ArrayList<Object>(req.params().getAll(n))));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("req_uri", req.uri());
            body.put("req_uri_details", details);
            body.put("req_method", req.method().name());
            body.put("req_querystring", query);
            body.put("req_body", b.toString(StandardCharsets.UTF_8));
            body.put("req_headers", headers);
            if (!req.response().ended()) {
                req.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(Buffer.buffer(json.encode(body)));
            }
        });
    }

    static List<String> anyMethod() { return List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"); }
}

package dev.kgw.router;

import dev.kgw.proxy.Rejection;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/** Writes a stage's {@link Rejection} as it is: its status, its headers, its body; nothing of the envelope. */
final class Rejections {
    private Rejections() {}

    static void write(ServerResponse resp, Rejection r) {
        if (resp.ended() || resp.closed() || resp.headWritten()) return;
        resp.setStatusCode(r.status());
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) resp.headers().set(h.getKey(), h.getValue());
        if (r.bodyLength() == 0) {
            resp.end();
            return;
        }
        if (r.contentType() != null) resp.putHeader("Content-Type", r.contentType());
        resp.end(Buffer.buffer(r.body()));
    }
}

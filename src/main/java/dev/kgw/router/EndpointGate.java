package dev.kgw.router;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Decides, before the pipeline runs, whether an endpoint takes a request (rate limits; later auth). Completes
 * with 0 to let it through, or with the status to answer (KrakenD answers such rejections with an empty body and
 * no X-Krakend headers). Namespaces provide gates; the router never names them.
 */
@FunctionalInterface
public interface EndpointGate {
    /** @param clientIp the client's address as the router resolved it (trusted proxies applied) */
    Future<Integer> admit(HttpServerRequest request, Map<String, String> rawParams, String clientIp);
}

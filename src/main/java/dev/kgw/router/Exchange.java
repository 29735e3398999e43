package dev.kgw.router;

import dev.kgw.proxy.Attributes;
import java.util.List;
import java.util.Map;

/**
 * One client request as the gateway's stages see it, whatever the transport beneath: what the client sent, where
 * it came from, the attributes stages leave for each other, and (for filters that decorate every answer) the
 * response headers still to be written. Valid on the request's event loop until its response has ended.
 */
public interface Exchange {
    String method();

    /** The path as the client sent it, percent-encoding kept. */
    String path();

    /** The raw query, without {@code ?}; "" when there is none. */
    String query();

    /** The first value of a request header (name case-insensitive), or null. */
    String header(String name);

    List<String> headers(String name);

    /** Every request header name, as sent. */
    Iterable<String> headerNames();

    /**
     * The host the client asked for, as Go's {@code Request.Host}: the {@code Host} header as sent (port included),
     * or HTTP/2's {@code :authority}; "" when there is none.
     */
    String host();

    /** The client's address as the router resolved it ({@code router.forwarded_by_client_ip} and trusted proxies). */
    String clientIp();

    /** The peer address of the connection, "" when unknown. */
    String remoteAddress();

    /** The matched endpoint's raw (percent-encoded) path parameters by placeholder name; empty before routing. */
    Map<String, String> params();

    boolean tls();

    /** The TLS protocol ({@code TLSv1.3}) and cipher suite, or null in clear. */
    String tlsProtocol();

    String tlsCipher();

    /**
     * Replaces a request header for the rest of the request's way, as Go's {@code Header.Set} does (a propagated
     * JWT claim): whatever the client sent under that name is gone, so it cannot be spoofed. No values removes it.
     * Whether it reaches a backend is still up to the endpoint's {@code input_headers}.
     */
    void setRequestHeader(String name, List<String> values);

    /**
     * A parameter a backend's {@code url_pattern} can name beside the path's ({@code {JWT.sub}}): made by a stage
     * from what it verified, used as it is.
     */
    void param(String name, String value);

    /** Written by stages, read by later ones and by the pipeline ({@link dev.kgw.proxy.Request#attributes}). */
    Attributes attributes();

    /** Sets a header on whatever the node answers (a 404, a rejection, a backend's answer); before it is written. */
    void responseHeader(String name, String value);

    /** Body bytes written to the client so far. */
    long bytesWritten();
}

package dev.kgw.router;

import dev.kgw.proxy.Attributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * {@link Exchange} over the listener's request. Made once per request, and only when some stage or observer looks
 * at it; the client address, the TLS session and the attribute map are resolved on first use.
 */
final class HttpExchange implements Exchange {
    private final ServerRequest req;
    private final ClientIp clientIps;
    private String clientIp;
    private Attributes attributes;
    private Map<String, String> params = Map.of();
    /** Parameters stages added ({@link #param}), or null. */
    private Map<String, String> extraParams;
    /** The tracer's context for this request, or null. */
    Object trace;
    /** The matched endpoint pattern, "" until routed. */
    String route = "";

    HttpExchange(ServerRequest req, ClientIp clientIps) {
        this.req = req;
        this.clientIps = clientIps;
    }

    ServerRequest request() { return req; }

    void params(Map<String, String> raw) { this.params = raw; }

    /** What stages added with {@link #param}, or null. */
    Map<String, String> extraParams() { return extraParams; }

    /** The attributes if any stage wrote one, else null (the pipeline then carries none). */
    Attributes attributesIfAny() { return attributes == null || attributes.isEmpty() ? null : attributes; }

    @Override public String method() { return req.method().name(); }

    @Override public String path() { return req.path(); }

    @Override
    public String query() {
        String q = req.query();
        return q == null ? "" : q;
    }

    @Override public String header(String name) { return req.getHeader(name); }

    @Override public List<String> headers(String name) { return req.headers().getAll(name); }

    @Override public Iterable<String> headerNames() { return req.headers().names(); }

    @Override
    public void setRequestHeader(String name, List<String> values) {
        if (values.isEmpty()) req.headers().remove(name);
        else req.headers().set(name, values);
    }

    @Override
    public void param(String name, String value) {
        if (extraParams == null) extraParams = new LinkedHashMap<>(4);
        extraParams.put(name, value);
    }

    @Override
    public String host() {
        String host = req.getHeader("Host");
        if (host == null && req.authority() != null) host = req.authority().toString();
        return host == null ? "" : host;
    }

    @Override
    public String clientIp() {
        if (clientIp == null) clientIp = clientIps.resolve(remoteAddress(), req::getHeader);
        return clientIp;
    }

    @Override
    public String remoteAddress() { return req.remoteAddress() == null ? "" : req.remoteAddress().hostAddress(); }

    @Override public Map<String, String> params() { return params; }

    @Override public boolean tls() { return req.isSSL(); }

    @Override
    public String tlsProtocol() {
        SSLSession s = req.isSSL() ? req.sslSession() : null;
        return s == null ? null : s.getProtocol();
    }

    @Override
    public String tlsCipher() {
        SSLSession s = req.isSSL() ? req.sslSession() : null;
        return s == null ? null : s.getCipherSuite();
    }

    @Override
    public Attributes attributes() {
        if (attributes == null) attributes = new Attributes();
        return attributes;
    }

    @Override
    public void responseHeader(String name, String value) {
        if (!req.response().headWritten()) req.response().headers().set(name, value);
    }

    @Override public long bytesWritten() { return req.response().bytesWritten(); }
}

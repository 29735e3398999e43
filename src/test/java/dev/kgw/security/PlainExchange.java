package dev.kgw.security;

import dev.kgw.proxy.Attributes;
import dev.kgw.router.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Exchange} held in memory: the request a test builds, and the response headers the filters set on it
 * (as the listener's exchange does, {@code responseHeader} replaces a value). The filters under test are the real
 * ones; only the transport is left out.
 */
public final class PlainExchange implements Exchange {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> response = new LinkedHashMap<>();
    private boolean tls;
    private Attributes attributes;

    public PlainExchange(String method, String pathAndQuery) {
        this.method = method;
        int q = pathAndQuery.indexOf('?');
        this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        this.query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    }

    /** Adds a request header value (a second call with the same name adds a second value). */
    public PlainExchange with(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    public PlainExchange overTls() {
        tls = true;
        return this;
    }

    /** The response headers set so far, by lower-case name. */
    public Map<String, String> responseHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        response.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    @Override public String method() { return method; }

    @Override public String path() { return path; }

    @Override public String query() { return query; }

    @Override
    public String header(String name) {
        List<String> v = headers(name);
        return v.isEmpty() ? null : v.get(0);
    }

    @Override
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override public Iterable<String> headerNames() { return headers.keySet(); }

    @Override
    public String host() {
        String h = header("Host");
        return h == null ? "" : h;
    }

    @Override public String clientIp() { return "127.0.0.1"; }

    @Override public String remoteAddress() { return "127.0.0.1"; }

    @Override public Map<String, String> params() { return Map.of(); }

    @Override public boolean tls() { return tls; }

    @Override public String tlsProtocol() { return tls ? "TLSv1.3" : null; }

    @Override public String tlsCipher() { return tls ? "TLS_AES_128_GCM_SHA256" : null; }

    @Override
    public Attributes attributes() {
        if (attributes == null) attributes = new Attributes();
        return attributes;
    }

    @Override public void responseHeader(String name, String value) { response.put(name, value); }

    @Override public long bytesWritten() { return 0; }

    @Override public void setRequestHeader(String name, List<String> values) { throw new UnsupportedOperationException(); }

    @Override public void param(String name, String value) { throw new UnsupportedOperationException(); }
}

package dev.kgw.auth.validator;

import dev.kgw.proxy.Attributes;
import dev.kgw.router.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An {@link Exchange} with the headers a test gives, recording what a filter changes. */
final class FakeExchange implements Exchange {
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> params = new LinkedHashMap<>();
    final Attributes attributes = new Attributes();

    FakeExchange header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    @Override public String method() { return "GET"; }
    @Override public String path() { return "/"; }
    @Override public String query() { return ""; }
    @Override public String host() { return "localhost"; }

    @Override public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override public List<String> headers(String name) { return headers.getOrDefault(name, List.of()); }
    @Override public Iterable<String> headerNames() { return headers.keySet(); }
    @Override public String clientIp() { return "127.0.0.1"; }
    @Override public String remoteAddress() { return "127.0.0.1"; }
    @Override public Map<String, String> params() { return Map.of(); }
    @Override public boolean tls() { return false; }
    @Override public String tlsProtocol() { return null; }
    @Override public String tlsCipher() { return null; }
    @Override public Attributes attributes() { return attributes; }
    @Override public void responseHeader(String name, String value) {}
    @Override public long bytesWritten() { return 0; }

    @Override public void setRequestHeader(String name, List<String> values) {
        if (values.isEmpty()) headers.remove(name);
        else headers.put(name, new ArrayList<>(values));
    }

    @Override public void param(String name, String value) { params.put(name, value); }
}

package dev.kgw.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Backend-level {@code input_headers}: only the listed names survive (case-insensitive). As in lura this also
 * drops {@code X-Forwarded-*} and {@code User-Agent} unless they are listed.
 */
public final class HeaderFilter implements Middleware {
    private final Set<String> allowed;

    public HeaderFilter(List<String> allowed) {
        this.allowed = allowed.stream().map(HeaderNames::canonical).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            Request r = request.copy();
            Map<String, List<String>> h = new LinkedHashMap<>();
            request.headers.forEach((k, v) -> {
                if (allowed.contains(k)) h.put(k, v);
            });
            r.headers = h;
            return next.handle(r);
        };
    }
}

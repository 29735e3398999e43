package dev.kgw.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Backend-level {@code input_query_strings}: narrows what the endpoint already let through (exact names). */
public final class QueryStringFilter implements Middleware {
    private final Set<String> allowed;

    public QueryStringFilter(List<String> allowed) { this.allowed = Set.copyOf(allowed); }

    @Override
    public Proxy wrap(Proxy next) {
        if (allowed.contains("*")) return next;
        return request -> {
            Request r = request.copy();
            Map<String, List<String>> q = new LinkedHashMap<>();
            request.query.forEach((k, v) -> {
                if (allowed.contains(k)) q.put(k, v);
            });
            r.query = q;
            return next.handle(r);
        };
    }
}

package dev.kgw.proxy;

import dev.kgw.proxy.transform.FlatmapFilter;

/** Endpoint-level {@code flatmap_filter}: applied to the merged data (lura uses it only with several backends). */
public final class EndpointFlatmapProxy implements Middleware {
    private final FlatmapFilter filter;

    public EndpointFlatmapProxy(FlatmapFilter filter) { this.filter = filter; }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> next.handle(request).map(r -> {
            if (r.data != null) r.data = filter.apply(r.data);
            return r;
        });
    }
}

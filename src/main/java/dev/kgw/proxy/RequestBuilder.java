package dev.kgw.proxy;

import io.vertx.core.Future;

/** Turns the endpoint request into the backend's: method, and path and static query from the url_pattern. */
public final class RequestBuilder implements Middleware {
    private final String method;
    private final UrlTemplate template;

    public RequestBuilder(String method, String urlPattern) {
        this.method = method;
        this.template = new UrlTemplate(urlPattern);
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            Request r = request.copy();
            r.method = method;
            String target = template.expand(r.params);
            int q = target.indexOf('?');
            try {
                r.path = UpstreamTarget.path(q < 0 ? target : target.substring(0, q));
                r.rawQuery = q < 0 ? "" : UpstreamTarget.query(target.substring(q + 1));
            } catch (UpstreamTarget.InvalidTargetException e) {
                return Future.failedFuture(new BackendException("invalid backend URL: " + e.getMessage()));
            }
            return next.handle(r);
        };
    }
}

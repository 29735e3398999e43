package dev.kgw.proxy;

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
            r.path = q < 0 ? target : target.substring(0, q);
            r.rawQuery = q < 0 ? "" : target.substring(q + 1);
            return next.handle(r);
        };
    }
}

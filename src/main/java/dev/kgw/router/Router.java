package dev.kgw.router;

import dev.kgw.Build;
import dev.kgw.backend.BodyBudget;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.ServiceConfig;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.encoding.Percent;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Rejection;
import dev.kgw.proxy.UpstreamTarget;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The route table of one node and gin's behaviour around it: built-in endpoints, trailing-slash and fixed-path
 * redirects (301 for GET, 307 otherwise), 405 with the allowed methods, 404. Built once; shared by every event loop.
 */
public final class Router implements Handler<ServerRequest> {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final Buffer NOT_FOUND = Buffer.buffer("404 page not found");
    private static final Buffer NOT_ALLOWED = Buffer.buffer("405 method not allowed");

    private final RouteTree<RouteHandler> routes = new RouteTree<>();
    private final RouterOptions options;
    private final CharSequence versionHeader;
    /** Null when nothing observes requests: then the hot path does no extra work at all. */
    private final RequestObserver observer;
    /** Null when nothing traces. */
    private final RequestTracer tracer;
    private final ServerFilter[] serverFilters;
    private final ClientIp clientIp;

    /**
     * @param proxies builds the proxy of an endpoint; called once per endpoint, here
     * @throws dev.kgw.router.RouteConflictException when two endpoints collide
     */
    public Router(ServiceConfig config, Function<EndpointConfig, Proxy> proxies, JsonCodec json, NodeState state,
                  RouterStages stages, BodyBudget budget) {
        this.tracer = stages.tracer();
        this.options = config.extra().get(RouterNamespace.NAME, RouterOptions.class).orElse(RouterOptions.DEFAULT);
        this.observer = stages.observer();
        this.serverFilters = stages.serverFilters().toArray(new ServerFilter[0]);
        this.versionHeader = HttpHeaders.createOptimized(
                options.hideVersionHeader() ? "Version undefined" : "Version " + Build.KRAKEND_VERSION);
        BuiltinHandlers builtins = new BuiltinHandlers(json, state, new BodyLimit(options.maxPayload(), budget));
        if (!options.disableHealth()) routes.add("GET", options.healthPath(), (req, p, t) -> builtins.health(req));
        if (config.debugEndpoint()) {
            for (String m : BuiltinHandlers.anyMethod()) routes.add(m, "/__debug/*", (req, p, t) -> builtins.debug(req));
        }
        if (config.echoEndpoint()) {
            for (String m : BuiltinHandlers.anyMethod()) routes.add(m, "/__echo/*", (req, p, t) -> builtins.echo(req));
        }
        this.clientIp = new ClientIp(options);
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        for (EndpointConfig e : config.endpoints()) {
            if (!ConfigParser.ROUTABLE_METHODS.contains(e.method())) {
                LOG.warning("Unsupported method " + e.method() + " for " + e.endpoint() + ": not registered");
                continue;
            }
            EndpointHandler h = new EndpointHandler(e, proxies.apply(e), Renderer.forName(e.outputEncoding(), json),
                    options, clientIp, stages.endpointFilters(e), budget, versionHeader);
            routes.add(e.method(), e.endpoint(), h::handle);
            methodsByPath.computeIfAbsent(e.endpoint(), k -> new TreeSet<>()).add(e.method());
        }
        if (options.autoOptions()) {
            // gin's auto OPTIONS: 200, empty body, the path's methods in Allow
            methodsByPath.forEach((path, methods) -> {
                if (methods.contains("OPTIONS")) return;
                String allow = String.join(", ", methods) + ", OPTIONS";
                routes.add("OPTIONS", path, (req, p, t) -> req.response().putHeader("Allow", allow).end());
            });
        }
    }

    /** Only builds the table, to find route conflicts ({@code check -t}) without starting anything. */
    public static List<String> conflicts(ServiceConfig config) {
        List<String> out = new ArrayList<>();
        RouteTree<Object> t = new RouteTree<>();
        Object h = new Object();
        t.add("GET", "/__health", h);
        for (EndpointConfig e : config.endpoints()) {
            if (!ConfigParser.ROUTABLE_METHODS.contains(e.method())) continue;
            try {
                t.add(e.method(), e.endpoint(), h);
            } catch (RouteConflictException ex) {
                out.add(e.jsonPath() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    public RouterOptions options() { return options; }

    @Override
    public void handle(ServerRequest req) {
        try {
            if (observer == null && tracer == null && serverFilters.length == 0) {
                dispatch(req, null);
                return;
            }
            HttpExchange ex = new HttpExchange(req, clientIp);
            if (observer != null || tracer != null) observe(ex);
            for (ServerFilter f : serverFilters) {
                Rejection answer = f.filter(ex);
                if (answer != null) {
                    Rejections.write(req.response(), answer);
                    return;
                }
            }
            dispatch(req, ex);
        } catch (RuntimeException e) {
            LOG.severe("request " + req.method() + " " + req.uri() + " from " + req.remoteAddress() + " failed: " + e);
            ServerResponse resp = req.response();
            if (!resp.ended() && !resp.headWritten()) resp.setStatusCode(500).end();
        }
    }

    private void observe(HttpExchange ex) {
        long start = System.nanoTime();
        ServerResponse resp = ex.request().response();
        ex.trace = tracer == null ? null : tracer.start(ex);
        resp.endHandler(v -> {
            int status = resp.getStatusCode();
            if (observer != null) observer.onResponse(ex, ex.route, status, System.nanoTime() - start);
            if (ex.trace != null) tracer.end(ex.trace, ex, ex.route, status);
        });
    }

    /** @param ex where to note the matched pattern (before the handler runs, which may answer at once), or null */
    private void dispatch(ServerRequest req, HttpExchange ex) {
        // draining: the listener's ConnectionGuard adds Connection: close to whatever this answers
        String method = req.method().name();
        String path = req.path();
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            req.response().setStatusCode(400).end();
            return;
        }
        // gin routes on the decoded path: an encoded '/' splits segments as a plain one does, so no param can
        // carry a '/' (or, with the dot check, a '..') into a backend path it was not written into
        try {
            path = Percent.decode(path);
        } catch (Percent.BadEscapeException e) {
            req.response().setStatusCode(400).end(); // Go's server refuses such a request line
            return;
        }
        if (options.removeExtraSlash()) path = PathCleaner.clean(path);
        RouteTree.Match<RouteHandler> m = hasDotSegment(path) ? null : routes.find(method, path);
        if (m != null) {
            if (ex != null) ex.route = m.pattern();
            m.handler().handle(req, m.params(), ex);
            return;
        }
        if (!path.equals("/")) {
            String target = options.disableRedirectTrailingSlash() ? null : routes.trailingSlashRedirect(method, path);
            if (target == null && !options.disableRedirectFixedPath()) target = routes.fixedPathRedirect(method, path);
            if (target != null) {
                redirect(req, method, target);
                return;
            }
        }
        ServerResponse resp = req.response();
        resp.putHeader("X-Krakend", versionHeader).putHeader("X-Krakend-Completed", "false");
        if (!options.disableHandleMethodNotAllowed() && !hasDotSegment(path)) {
            Set<String> allowed = routes.allowed(path);
            if (!allowed.isEmpty()) {
                resp.putHeader("Allow", String.join(", ", allowed));
                writeError(resp, 405, options.errorBody405(), NOT_ALLOWED);
                return;
            }
        }
        writeError(resp, 404, options.errorBody404(), NOT_FOUND);
    }

    /** A {@code .} or {@code ..} segment: such a path is only ever answered by the fixed-path redirect or 404. */
    static boolean hasDotSegment(String path) {
        int n = path.length();
        for (int i = 0; i < n; i++) {
            if (path.charAt(i) != '.' || path.charAt(i - 1) != '/') continue; // path.charAt(0) is always '/'
            int end = i + 1 < n && path.charAt(i + 1) == '.' ? i + 2 : i + 1;
            if (end == n || path.charAt(end) == '/') return true;
        }
        return false;
    }

    private static void writeError(ServerResponse resp, int status, byte[] custom, Buffer standard) {
        resp.setStatusCode(status);
        if (custom != null) {
            resp.putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(custom));
        } else {
            resp.putHeader("Content-Type", "text/plain").end(standard);
        }
    }

    private static void redirect(ServerRequest req, String method, String target) {
        String q = req.query();
        String escaped;
        try {
            escaped = UpstreamTarget.path(target);
        } catch (IllegalArgumentException e) {
            req.response().setStatusCode(400).end();
            return;
        }
        String location = q == null || q.isEmpty() ? escaped : escaped + "?" + q;
        int code = method.equals("GET") ? 301 : 307;
        ServerResponse resp = req.response().setStatusCode(code).putHeader("Location", location);
        if (method.equals("GET")) {
            resp.putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<a href=\"" + location.replace("\"", "&quot;") + "\">Moved Permanently</a>.\n\n");
        } else {
            resp.end();
        }
    }
}

package dev.kgw.security;

import dev.kgw.config.ServiceConfig;
import dev.kgw.router.Exchange;
import dev.kgw.router.RouterNamespace;
import dev.kgw.router.RouterOptions;

/**
 * The node's health endpoint, which KrakenD registers on its engine before the service-level security middlewares
 * ({@code security/http}, {@code security/bot-detector}): a load balancer's probe must not be refused for its
 * {@code Host} or its User-Agent. CORS sits in front of the engine and still sees it.
 */
public final class HealthCheck {
    private final String path;

    private HealthCheck(String path) { this.path = path; }

    /** The health endpoint of the file ({@code router.health_path}), or none when it is disabled. */
    public static HealthCheck of(ServiceConfig config) {
        RouterOptions r = config.extra().get(RouterNamespace.NAME, RouterOptions.class).orElse(RouterOptions.DEFAULT);
        return at(r.disableHealth() ? null : r.healthPath());
    }

    /** The health endpoint at {@code path}, or none when null. */
    public static HealthCheck at(String path) { return new HealthCheck(path); }

    /** True for the request the health endpoint answers. */
    public boolean matches(Exchange ex) {
        return path != null && ex.method().equals("GET") && ex.path().equals(path);
    }
}

package dev.kgw;

import dev.kgw.auth.clientcredentials.ClientCredentialsNamespace;
import dev.kgw.auth.signer.SignerNamespace;
import dev.kgw.auth.validator.ValidatorNamespace;
import dev.kgw.backend.BackendHttpNamespace;
import dev.kgw.config.NamespaceRegistry;
import dev.kgw.lifecycle.LifecycleNamespace;
import dev.kgw.proxy.ProxyNamespace;
import dev.kgw.qos.circuitbreaker.CircuitBreakerNamespace;
import dev.kgw.qos.httpcache.HttpCacheNamespace;
import dev.kgw.qos.ratelimit.RateLimitNamespace;
import dev.kgw.qos.ratelimit.RedisNamespace;
import dev.kgw.qos.ratelimit.proxy.ProxyRateLimitNamespace;
import dev.kgw.router.RouterNamespace;
import dev.kgw.security.botdetector.BotDetectorNamespace;
import dev.kgw.security.cors.CorsNamespace;
import dev.kgw.security.http.HttpSecureNamespace;
import dev.kgw.spi.Namespace;
import dev.kgw.telemetry.influx.InfluxNamespace;
import dev.kgw.telemetry.logging.LoggingNamespace;
import dev.kgw.telemetry.otel.OtelNamespace;
import dev.kgw.telemetry.stats.StatsNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespaces a node understands: the built-in ones, one line each, then those of the plugin jars. The order
 * here is the order they are opened and started in (logging first, so everything after logs its way); the order
 * they act on a request is {@link dev.kgw.spi.StageOrder}'s.
 */
public final class Namespaces {
    private final List<Namespace> all;

    private Namespaces(List<Namespace> all) { this.all = List.copyOf(all); }

    public static Namespaces builtIn() { return new Namespaces(builtInList()); }

    /** The built-in namespaces and then the plugins'. */
    public static Namespaces with(List<Namespace> plugins) {
        List<Namespace> all = new ArrayList<>(builtInList());
        all.addAll(plugins);
        return new Namespaces(all);
    }

    private static List<Namespace> builtInList() {
        return List.of(
                new LoggingNamespace(),
                Namespace.core(new RouterNamespace()),
                Namespace.core(new ProxyNamespace()),
                Namespace.core(new BackendHttpNamespace()),
                Namespace.core(new BackendHttpNamespace.Client()),
                new LifecycleNamespace(),
                new OtelNamespace(),
                new InfluxNamespace(),
                new StatsNamespace(),
                new RedisNamespace(),
                RateLimitNamespace.redis(),
                RateLimitNamespace.local(),
                new ValidatorNamespace(),
                new SignerNamespace(),
                new ClientCredentialsNamespace(),
                new CircuitBreakerNamespace(),
                new ProxyRateLimitNamespace(),
                new HttpCacheNamespace(),

                new CorsNamespace(),
                new HttpSecureNamespace(),
                new BotDetectorNamespace());
    }

    public List<Namespace> list() { return all; }

    /** What the config parser looks names up in; a name taken twice is refused here. */
    public NamespaceRegistry registry() {
        NamespaceRegistry r = new NamespaceRegistry();
        all.forEach(r::register);
        return r;
    }
}

package dev.kgw.qos.ratelimit.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problems;
import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Response;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProxyRateLimitTest {
    private final Problems problems = new Problems();

    private ProxyRateLimitNamespace.Options parse(String options) throws Exception {
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree("""
                {"version": 3, "host": ["http://h"], "endpoints": [
                  {"endpoint": "/a", "backend": [{"url_pattern": "/x",
                    "extra_config": {"qos/ratelimit/proxy": %s}}]}]}""".formatted(options)), problems)
                .endpoints().get(0).backends().get(0).extra()
                .get(ProxyRateLimitNamespace.NAME, ProxyRateLimitNamespace.Options.class).orElseThrow();
    }

    @Test
    void capacityDefaultsAsKrakenD() throws Exception {
        assertEquals(4, parse("{\"max_rate\": 4.7}").capacity(), "the rate's whole part");
        assertEquals(1, parse("{\"max_rate\": 0.5}").capacity(), "at least one");
        assertEquals(9, parse("{\"max_rate\": 2, \"capacity\": 9}").capacity());
        assertEquals(2.0 / TimeUnit.MINUTES.toNanos(1), parse("{\"max_rate\": 2, \"every\": \"1m\"}").ratePerNano(), 1e-20);
        assertEquals(0, parse("{}").ratePerNano(), "no max_rate: no limit");
        assertEquals(List.of(), problems.errors());
    }

    @Test
    void badNumbersAreErrorsAtTheirPath() throws Exception {
        parse("{\"max_rate\": -1, \"capacity\": -3, \"every\": \"0s\"}");
        String at = "$.endpoints[0].backend[0].extra_config[\"qos/ratelimit/proxy\"].";
        assertEquals(List.of(at + "max_rate", at + "capacity", at + "every"),
                problems.errors().stream().map(p -> p.path()).toList());
    }

    @Test
    void refillsAtItsRateAndNeverWaits() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        Proxy backend = r -> {
            calls.incrementAndGet();
            return Future.succeededFuture(new Response(new LinkedHashMap<>(), true));
        };
        Proxy limited = new ProxyRateLimit(new ProxyRateLimitNamespace.Options(2.0 / 1_000_000_000L, 2), now::get)
                .wrap(backend);
        assertEquals(true, limited.handle(null).succeeded());
        assertEquals(true, limited.handle(null).succeeded());
        Future<Response> third = limited.handle(null);
        assertEquals(true, third.failed(), "the bucket of 2 is empty");
        assertEquals("rate limit exceded", third.cause().getMessage());
        assertEquals(true, third.cause() instanceof BackendException);
        now.addAndGet(500_000_000L); // half a second at 2/s: one token
        assertEquals(true, limited.handle(null).succeeded());
        assertEquals(true, limited.handle(null).failed());
        assertEquals(3, calls.get());
    }
}

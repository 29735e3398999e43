package dev.kgw.cli;

import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises a node once (start, proxy a few requests of each kind, stop) so that the launcher can record
 * the classes it loads in a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}); later starts map that
 * archive instead of loading and verifying those classes again, which is most of the start-up time.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String host = "[\"http://127.0.0.1:" + port + "\"]";
        String json = """
            {"version": 3, "port": %d, "debug_endpoint": true, "echo_endpoint": true, "cache_ttl": "1s",
             "endpoints": [
              {"endpoint": "/json/{id}", "backend": [{"host": %s, "url_pattern": "/__debug/{id}", "allow": ["message"]}]},
              {"endpoint": "/merge", "backend": [{"host": %s, "url_pattern": "/__debug/a", "group": "a"},
                                                {"host": %s, "url_pattern": "/__echo/b", "group": "b"}]},
              {"endpoint": "/noop", "method": "POST", "output_encoding": "no-op",
               "backend": [{"host": %s, "url_pattern": "/__echo/c"}]},
              {"endpoint": "/xml", "output_encoding": "xml", "backend": [{"host": %s, "url_pattern": "/__debug/x"}]}
             ]}
            """.formatted(port, host, host, host, host, host);
        Problems problems = new Problems();
        var config = new ConfigParser(Namespaces.builtIn().registry())
                .parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), problems);
        Gateway gateway = new Gateway(config);
        gateway.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Vertx vertx = Vertx.vertx();
        HttpClientAgent client = vertx.createHttpClient();
        int rounds = Integer.getInteger("kgw.train.rounds", 50);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<?>> calls = new ArrayList<>();
                for (String path : List.of("/json/1", "/merge", "/xml", "/nope", "/JSON/1")) {
                    calls.add(client.request(HttpMethod.GET, port, "127.0.0.1", path)
                            .compose(r -> r.send()).compose(r -> r.body()));
                }
                calls.add(client.request(HttpMethod.POST, port, "127.0.0.1", "/noop")
                        .compose(r -> r.send("{\"a\":1}")).compose(r -> r.body()));
                Future.join(calls).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            client.close();
            vertx.close();
            gateway.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        return 0;
    }
}

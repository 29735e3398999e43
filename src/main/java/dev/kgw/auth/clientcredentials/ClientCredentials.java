package dev.kgw.auth.clientcredentials;

import dev.kgw.backend.ClientInterceptor;
import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.spi.Extension;
import dev.kgw.spi.Node;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The node's part of {@code auth/client-credentials}: one token source per backend that declares it (as KrakenD),
 * all fetching over one client of their own with the JDK's trust, not the backend's TLS settings (KrakenD uses
 * Go's default client for tokens too).
 */
final class ClientCredentials implements Extension {
    private final Node node;
    private final HttpClient client;

    ClientCredentials(Node node) {
        this.node = node;
        this.client = node.vertx().createHttpClient(new HttpClientOptions().setConnectTimeout(10_000)
                .setMaxHeaderSize(64 * 1024).setDecompressionSupported(true), new PoolOptions().setHttp1MaxSize(4));
    }

    @Override
    public ClientInterceptor client(EndpointConfig e, BackendConfig b) {
        return b.extra().get(ClientCredentialsNamespace.NAME, ClientCredentialsOptions.class)
                .map(o -> (ClientInterceptor) new BearerInterceptor(node.vertx(),
                        new TokenSource(new TokenEndpoint(node.vertx(), client, o)::fetch, System::nanoTime)))
                .orElse(null);
    }

    @Override
    public Future<Void> stop() { return client.close(); }
}

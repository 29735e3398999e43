package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kgw.Gateway;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS on both sides: an HTTPS listener, and HTTP/2 over TLS toward a backend that offers it. */
class TlsIT {
    static Vertx vertx;
    static HttpServer backend;
    static Gateway gateway;
    static int port;
    static SelfSignedCertificate cert;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        cert = SelfSignedCertificate.create("localhost");
        backend = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                        .setKeyCertOptions(cert.keyCertOptions()))
                .requestHandler(req -> req.response().putHeader("Content-Type", "application/json")
                        .end("{\"protocol\":\"" + req.version() + "\"}"))
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = Nodes.freePort();
        String config = """
            {"version": 3, "port": %d,
             "tls": {"keys": [{"public_key": "%s", "private_key": "%s"}], "min_version": "TLS12"},
             "client_tls": {"allow_insecure_connections": true},
             "endpoints": [{"endpoint": "/proto", "backend": [
               {"host": ["https://localhost:%d"], "url_pattern": "/"}]}]}
            """.formatted(port, cert.certificatePath(), cert.privateKeyPath(), backend.actualPort());
        Path file = Files.createTempFile("kgw-tls", ".json");
        Files.writeString(file, config);
        gateway = new Gateway(new ConfigParser(Namespaces.builtIn().registry()).load(file, Map.of()).config());
        gateway.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        cert.delete();
    }

    @Test
    void servesHttpsAndTalksHttp2ToTheBackend() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustAll()).version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/proto"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, r.version(), "the listener negotiates h2 over TLS");
        assertEquals("{\"protocol\":\"HTTP_2\"}", r.body());
    }

    @Test
    void refusesClientsThatDoNotTrustTheCertificate() {
        HttpClient strict = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> strict.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/proto")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return ctx;
    }
}

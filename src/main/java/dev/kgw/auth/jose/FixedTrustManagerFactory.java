package dev.kgw.auth.jose;

import java.security.KeyStore;
import java.security.Provider;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * A factory that hands out one given trust manager: how a custom trust decision reaches the TLS client (Vert.x's
 * own wrapper for a bare manager pulls in a logging library the node does not ship).
 */
final class FixedTrustManagerFactory extends TrustManagerFactory {
    FixedTrustManagerFactory(TrustManager tm) {
        super(new Spi(tm), new Provider("kgw-jwks-trust", "1.0", "trust of one key set client") {}, "fixed");
    }

    private static final class Spi extends TrustManagerFactorySpi {
        private final TrustManager tm;

        Spi(TrustManager tm) { this.tm = tm; }

        @Override protected void engineInit(KeyStore ks) {}

        @Override protected void engineInit(ManagerFactoryParameters spec) {}

        @Override protected TrustManager[] engineGetTrustManagers() { return new TrustManager[]{tm}; }
    }
}

package dev.kgw.auth.jose;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom a JWKS download trusts, as krakend-jose's client: the system roots plus {@code jwk_local_ca} (added to them,
 * not instead), nothing checked with {@code disable_jwk_security}, and with {@code jwk_fingerprints} at least one
 * certificate of the chain must carry a pinned key (SHA-256 of its SubjectPublicKeyInfo), even when insecure.
 * Host names are checked by the TLS engine around this manager unless security is disabled.
 */
final class JwksTrust implements X509TrustManager {
    private final X509TrustManager system;
    private final X509TrustManager local;
    private final boolean insecure;
    private final List<byte[]> pins;

    JwksTrust(X509TrustManager system, X509TrustManager local, boolean insecure, List<byte[]> pins) {
        this.system = system;
        this.local = local;
        this.insecure = insecure;
        this.pins = List.copyOf(pins);
    }

    /** The JDK's default roots, and those of a local CA key store (null: none). */
    static JwksTrust of(KeyStore localCa, boolean insecure, List<byte[]> pins) throws Exception {
        return new JwksTrust(manager(null), localCa == null ? null : manager(localCa), insecure, pins);
    }

    private static X509TrustManager manager(KeyStore ks) throws Exception {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager tm : f.getTrustManagers()) if (tm instanceof X509TrustManager x) return x;
        throw new IllegalStateException("no X509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!insecure) {
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                if (local == null) throw e;
                local.checkServerTrusted(chain, authType);
            }
        }
        if (pins.isEmpty()) return;
        for (X509Certificate c : chain) {
            byte[] spki = sha256(c.getPublicKey().getEncoded());
            for (byte[] pin : pins) if (Arrays.equals(pin, spki)) return;
        }
        throw new CertificateException("JWK client did not find a pinned key");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a JWKS client does not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>(Arrays.asList(system.getAcceptedIssuers()));
        if (local != null) all.addAll(Arrays.asList(local.getAcceptedIssuers()));
        return all.toArray(new X509Certificate[0]);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

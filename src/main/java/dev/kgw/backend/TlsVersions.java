package dev.kgw.backend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps KrakenD's TLS names ({@code TLS12}) and IANA cipher-suite ids to the JDK's names. */
public final class TlsVersions {
    private static final List<String> ORDER = List.of("SSL3.0", "TLS10", "TLS11", "TLS12", "TLS13");
    private static final Map<String, String> JDK = Map.of("SSL3.0", "SSLv3", "TLS10", "TLSv1", "TLS11", "TLSv1.1",
            "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
    private static final Map<Integer, String> CIPHERS = Map.ofEntries(
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"), Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"), Map.entry(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"));

    private TlsVersions() {}

    public static Set<String> between(String min, String max) {
        int lo = Math.max(0, ORDER.indexOf(min));
        int hi = ORDER.indexOf(max) < 0 ? ORDER.size() - 1 : ORDER.indexOf(max);
        Set<String> out = new LinkedHashSet<>();
        for (int i = lo; i <= Math.max(lo, hi); i++) out.add(JDK.get(ORDER.get(i)));
        return out;
    }

    public static List<String> cipherNames(List<Integer> ids) {
        List<String> out = new ArrayList<>();
        for (Integer id : ids) {
            String n = CIPHERS.get(id);
            if (n != null) out.add(n);
        }
        return out;
    }
}

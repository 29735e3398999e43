package dev.kgw.backend;

import java.util.Locale;
import java.util.Set;

/**
 * The headers that belong to one connection, not to the message (RFC 9110 §7.6.1, plus the legacy
 * {@code Proxy-Connection} and {@code Keep-Alive}): never forwarded, neither to a backend nor back to a client.
 */
public final class HopByHop {
    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade");

    private HopByHop() {}

    /** @param name any case */
    public static boolean is(String name) { return NAMES.contains(name.toLowerCase(Locale.ROOT)); }
}

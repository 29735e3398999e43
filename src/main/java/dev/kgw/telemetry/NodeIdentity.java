package dev.kgw.telemetry;

import java.net.InetAddress;

/** How a node names itself in every series it reports: {@code host:port}, so a cluster's nodes stay apart. */
public final class NodeIdentity {
    private NodeIdentity() {}

    public static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    public static String instance(int port) { return hostname() + ":" + port; }
}

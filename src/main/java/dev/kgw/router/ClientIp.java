package dev.kgw.router;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * gin's {@code ClientIP()}: the connection's address, unless it comes from a trusted proxy and
 * {@code forwarded_by_client_ip} is on; then the right-most untrusted address of the forwarding headers.
 * Nothing is trusted by default, so a client cannot spoof its {@code X-Forwarded-For}.
 */
final class ClientIp {
    private final boolean enabled;
    private final List<String> headers;
    private final List<Cidr> trusted = new ArrayList<>();

    ClientIp(RouterOptions o) {
        this.enabled = o.forwardedByClientIp() && !o.trustedProxies().isEmpty();
        this.headers = o.remoteIpHeaders();
        for (String t : o.trustedProxies()) {
            try {
                trusted.add(Cidr.parse(t));
            } catch (RuntimeException ignored) {
                // reported at config time would be nicer; an invalid entry simply trusts nothing
            }
        }
    }

    String resolve(String remote, Function<String, String> header) {
        if (!enabled || !isTrusted(remote)) return remote;
        for (String h : headers) {
            String v = header.apply(h);
            if (v == null || v.isBlank()) continue;
            String[] items = v.split(",");
            for (int i = items.length - 1; i >= 0; i--) {
                String ip = items[i].trim();
                if (i == 0 || !isTrusted(ip)) return ip;
            }
        }
        return remote;
    }

    private boolean isTrusted(String ip) {
        for (Cidr c : trusted) if (c.contains(ip)) return true;
        return false;
    }

    private record Cidr(byte[] net, int bits) {
        static Cidr parse(String s) {
            try {
                String[] p = s.split("/");
                byte[] addr = InetAddress.getByName(p[0]).getAddress();
                return new Cidr(addr, p.length > 1 ? Integer.parseInt(p[1]) : addr.length * 8);
            } catch (Exception e) {
                throw new IllegalArgumentException(s);
            }
        }

        boolean contains(String ip) {
            byte[] a;
            try {
                if (!ip.matches("[0-9a-fA-F:.]+")) return false;
                a = InetAddress.getByName(ip).getAddress();
            } catch (Exception e) {
                return false;
            }
            if (a.length != net.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (net[i / 8] & mask)) return false;
            }
            return true;
        }
    }
}

package dev.kgw.backend;

/**
 * Where a plain {@code http://} URL points, as the wire needs it: the address to dial, the pool it shares with
 * other URLs of the same authority, the {@code Host} header and the request target (path and query).
 */
record PlainUrl(String host, int port, String key, String hostHeader, String requestTarget) {

    /** @throws IllegalArgumentException for a URL that is not {@code http://host[:port][/path][?query]} */
    static PlainUrl parse(String url) {
        if (!url.regionMatches(true, 0, "http://", 0, 7)) throw new IllegalArgumentException("not an http URL");
        int start = 7;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        int at = url.lastIndexOf('@', end - 1);
        if (at >= start) start = at + 1; // credentials in a URL are not sent as a header by Go's client either
        String authority = url.substring(start, end);
        String host = authority;
        int port = 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid port " + p);
                }
                if (port <= 0 || port > 65535) throw new IllegalArgumentException("invalid port " + p);
            }
        }
        if (host.isEmpty()) throw new IllegalArgumentException("no host");
        String dial = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int hash = url.indexOf('#', end);
        String rest = hash < 0 ? url.substring(end) : url.substring(end, hash);
        String target = rest.isEmpty() ? "/" : rest.charAt(0) == '?' ? "/" + rest : rest;
        String hostHeader = port == 80 ? host : host + ":" + port;
        return new PlainUrl(dial, port, hostHeader, hostHeader, target);
    }
}

package dev.kgw.proxy;

/** Go's {@code CanonicalMIMEHeaderKey}: backends and the KrakenD suite see header names as {@code X-Y-Z}. */
public final class HeaderNames {
    private HeaderNames() {}

    public static String canonical(String name) {
        boolean upper = true;
        char[] out = name.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == ' ' || c > 127) return name; // Go leaves such names alone
            out[i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            upper = c == '-';
        }
        return new String(out);
    }
}

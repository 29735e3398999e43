package dev.kgw.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Placeholder and host rules of lura's {@code config} package, shared by validation and the proxy builder. */
public final class UrlPatterns {
    private UrlPatterns() {}

    /** Strict REST: a placeholder is a whole path segment. */
    public static final Pattern ENDPOINT_PARAM = Pattern.compile("/\\{([a-zA-Z\\-_0-9]+)\\}");
    /** {@code disable_rest}: placeholders may sit anywhere ({@code /file.{ext}}). */
    public static final Pattern LOOSE_PARAM = Pattern.compile("\\{([\\w\\-.:/]+)\\}");
    /** Outputs that are not endpoint inputs: values of earlier responses and JWT claims. */
    public static final Pattern SPECIAL_OUTPUT = Pattern.compile("^(resp\\d+_.+)?(JWT\\.([\\w\\-.:/]+))?$");

    public static List<String> endpointParams(String endpoint) {
        List<String> names = new ArrayList<>();
        Matcher m = ENDPOINT_PARAM.matcher(endpoint);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    public static List<String> looseParams(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = LOOSE_PARAM.matcher(pattern);
        while (m.find()) names.add(m.group(1));
        return new ArrayList<>(names);
    }

    /**
     * lura's {@code CleanHost}: adds {@code http://} when no scheme is given and drops trailing slashes;
     * a host that still carries a path is invalid.
     */
    public static String sanitizeHost(String host) {
        String h = host.trim();
        if (!h.contains("://")) h = "http://" + h;
        while (h.endsWith("/")) h = h.substring(0, h.length() - 1);
        URI uri;
        try {
            uri = new URI(h);
        } catch (Exception e) {
            throw new IllegalArgumentException("host " + host + " not valid: invalid host");
        }
        if (uri.getHost() == null && uri.getAuthority() == null) {
            throw new IllegalArgumentException("host " + host + " not valid: invalid host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("host " + host + " not valid: invalid host");
        }
        return h;
    }
}

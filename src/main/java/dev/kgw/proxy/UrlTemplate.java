package dev.kgw.proxy;

import dev.kgw.config.UrlPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A backend {@code url_pattern} compiled once: literal pieces and placeholders. Values are put in raw, with no
 * escaping, as lura does (the router already refused path params that hide encoded characters); a placeholder
 * without a value stays as lura leaves it ({@code {{.Resp0_x}}}).
 */
public final class UrlTemplate {
    private final List<String> literals = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final String constant;

    public UrlTemplate(String pattern) {
        Matcher m = UrlPatterns.LOOSE_PARAM.matcher(pattern);
        int last = 0;
        while (m.find()) {
            literals.add(pattern.substring(last, m.start()));
            keys.add(paramKey(m.group(1)));
            last = m.end();
        }
        literals.add(pattern.substring(last));
        constant = keys.isEmpty() ? pattern : null;
    }

    /** lura's param naming: the first letter upper-cased ({@code id} → {@code Id}). */
    public static String paramKey(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The names (lower-case form, as written) of {@code respN_...} placeholders, for the sequential proxy. */
    public static List<String> responseParams(String pattern) {
        return UrlPatterns.looseParams(pattern).stream().filter(n -> n.matches("resp\\d+(_.+)?")).toList();
    }

    public String expand(Map<String, String> params) {
        if (constant != null) return constant;
        StringBuilder sb = new StringBuilder(literals.get(0));
        for (int i = 0; i < keys.size(); i++) {
            String v = params.get(keys.get(i));
            sb.append(v != null ? v : "{{." + keys.get(i) + "}}");
            sb.append(literals.get(i + 1));
        }
        return sb.toString();
    }
}

package dev.kgw.spi;

import dev.kgw.config.OptionsParser;

/**
 * The one interface a namespace implements, built-in or from a plugin jar: the config half it inherits (name,
 * aliases, scopes, a typed parser, a whole-file validation) and {@link #open}, which builds its part of one node.
 * A namespace lives in a package of its own and is registered in one line ({@code dev.kgw.Namespaces}), or listed
 * in its jar's {@code META-INF/services/dev.kgw.spi.Namespace} for {@link java.util.ServiceLoader}.
 */
public interface Namespace extends OptionsParser {
    /**
     * Called once per node at start-up, for every registered namespace (in registration order) whether or not the
     * file uses it: a namespace not used returns {@link Extension#NONE}, so it costs no request anything. It may
     * start what it needs (timers, clients, listeners), and must release them in the {@link Extension}'s
     * {@code stop}/{@code close}.
     */
    Extension open(Node node);

    /** A namespace whose options a core layer reads itself ({@code router}, {@code proxy}, {@code backend/http}). */
    static Namespace core(OptionsParser parser) {
        return new Namespace() {
            @Override public String name() { return parser.name(); }

            @Override public java.util.List<String> aliases() { return parser.aliases(); }

            @Override public java.util.Set<Scope> scopes() { return parser.scopes(); }

            @Override
            public Object parse(com.fasterxml.jackson.databind.JsonNode options, String path,
                                dev.kgw.config.Problems problems) {
                return parser.parse(options, path, problems);
            }

            @Override
            public void validate(dev.kgw.config.ServiceConfig config, dev.kgw.config.Problems problems) {
                parser.validate(config, problems);
            }

            @Override public Extension open(Node node) { return Extension.NONE; }
        };
    }
}

package dev.kgw.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kgw.config.Fields;
import dev.kgw.config.OptionsParser;
import dev.kgw.config.Problems;
import java.util.List;
import java.util.Set;

/** Parses {@code backend/http}: how a failing backend reports its error. */
public final class BackendHttpNamespace implements OptionsParser {
    public static final String NAME = "backend/http";

    @Override public String name() { return NAME; }

    @Override public List<String> aliases() { return List.of("github.com/devopsfaith/krakend/http"); }

    @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

    @Override
    public Object parse(JsonNode options, String path, Problems problems) {
        Fields f = new Fields(options, path, problems);
        int max = f.integer("max_response_size", 0);
        if (max < 0) problems.error(f.path("max_response_size"), "must be a positive number of bytes");
        BackendHttpOptions o = new BackendHttpOptions(f.str("return_error_details", ""),
                f.bool("return_error_code", false), false,
                max > 0 ? max : BackendHttpOptions.DEFAULT_MAX_RESPONSE_SIZE);
        f.warnUnknown();
        return o;
    }

    /** {@code backend/http/client}: CE only knows {@code send_body_on_redirect}. */
    public static final class Client implements OptionsParser {
        public static final String NAME = "backend/http/client";

        @Override public String name() { return NAME; }

        @Override public Set<Scope> scopes() { return Set.of(Scope.BACKEND); }

        @Override
        public Object parse(JsonNode options, String path, Problems problems) {
            Fields f = new Fields(options, path, problems);
            Boolean send = f.bool("send_body_on_redirect", false);
            f.warnUnknown();
            return send;
        }
    }
}

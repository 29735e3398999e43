package dev.kgw.cli;

import dev.kgw.config.EndpointConfig;
import dev.kgw.config.GoDuration;
import dev.kgw.router.Router;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", aliases = "validate", description = "Validate a config file; list every problem.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = {"-d", "--debug"}, description = "Print the interpreted config")
    boolean[] debug = new boolean[0];

    @Option(names = {"-t", "--test-gin-routes"}, description = "Also build the router and report route conflicts")
    boolean testRoutes;

    @Option(names = {"-l", "--lint"}, description = "Stricter: every warning is an error (exit 1 when there is any)")
    boolean lint;

    @Option(names = {"-n", "--lint-no-network"}, description = "The same as --lint: this node lints offline anyway")
    boolean lintNoNetwork;

    @Option(names = {"-s", "--lint-schema"}, paramLabel = "SCHEMA",
            description = "Not supported (this node lints with its own rules, not a JSON schema): use --lint")
    String lintSchema;

    @Override
    public Integer call() {
        if (lintSchema != null) {
            System.err.println("ERROR --lint-schema is not supported by this node: it checks the file with its own"
                    + " rules, not with a JSON schema; use --lint (every warning becomes an error)");
            return 1;
        }
        System.out.println("Parsing configuration file: " + options.config);
        ConfigLoading.Loaded r = ConfigLoading.load(options, lint || lintNoNetwork, System.err);
        if (r == null) return 1;
        if (testRoutes) {
            List<String> conflicts = Router.conflicts(r.config());
            for (String c : conflicts) System.err.println("ERROR " + options.config + ": " + c);
            if (!conflicts.isEmpty()) return 1;
        }
        if (debug.length > 0) dump(r);
        System.out.println("Config fingerprint: " + r.config().fingerprint());
        System.out.println("Syntax OK!");
        return 0;
    }

    private static void dump(ConfigLoading.Loaded r) {
        var c = r.config();
        System.out.println("Service: " + c.name() + " port " + c.port() + " timeout " + GoDuration.format(c.timeout())
                + " cache_ttl " + GoDuration.format(c.cacheTtl()) + " namespaces " + c.extra().namespaces().keySet());
        for (EndpointConfig e : c.endpoints()) {
            System.out.println("  " + e.method() + " " + e.endpoint() + " timeout " + GoDuration.format(e.timeout())
                    + " output " + e.outputEncoding() + " namespaces " + e.extra().namespaces().keySet());
            e.backends().forEach(b -> System.out.println("    -> " + b.method() + " " + b.host() + b.urlPattern()
                    + " encoding " + b.encoding() + " namespaces " + b.extra().namespaces().keySet()));
        }
    }
}

package dev.kgw.cli;

import dev.kgw.Gateway;
import dev.kgw.config.ConfigException;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import java.io.PrintStream;
import java.nio.file.Path;

/** Shared by {@code run} and {@code check}: the same parse, the same messages. */
final class ConfigLoading {
    private ConfigLoading() {}

    /** @return the parsed config, or null after printing every error */
    static ConfigParser.Result load(ConfigOptions options, PrintStream err) {
        Path file = options.config;
        try {
            ConfigParser.Result r = new ConfigParser(Gateway.namespaces(), options.allowUnsupported)
                    .load(file, System.getenv());
            for (Problem p : r.problems()) err.println(p.render(file.toString()));
            return r;
        } catch (ConfigException e) {
            for (Problem p : e.problems()) err.println(p.render(e.file()));
            long n = e.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
            err.println("ERROR parsing the configuration file: " + n + " error" + (n == 1 ? "" : "s"));
            return null;
        }
    }
}

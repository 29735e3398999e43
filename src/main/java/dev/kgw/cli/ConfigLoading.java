package dev.kgw.cli;

import dev.kgw.Gateway;
import dev.kgw.config.ConfigException;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared by {@code run} and {@code check}: the same parse, the same messages. */
final class ConfigLoading {
    private ConfigLoading() {}

    /**
     * @param lint every warning counts as an error ({@code check --lint})
     * @return the parsed config, or null after printing every error
     */
    static ConfigParser.Result load(ConfigOptions options, boolean lint, PrintStream err) {
        Path file = options.config;
        if (!Files.exists(file)) {
            err.println("ERROR " + file + ": no such file" + (file.equals(ConfigOptions.DEFAULT_CONFIG)
                    ? " (KrakenD's default path, read because no -c FILE was given)" : ""));
            return null;
        }
        ConfigParser.Result result = null;
        List<Problem> problems;
        try {
            result = new ConfigParser(Gateway.namespaces(), options.allowUnsupported).load(file, System.getenv());
            problems = result.problems();
        } catch (ConfigException e) {
            problems = e.problems();
        }
        if (lint) problems = problems.stream().map(Problem::asError).toList();
        for (Problem p : problems) err.println(p.render(file.toString()));
        long n = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        if (n == 0) return result;
        err.println("ERROR parsing the configuration file: " + n + " error" + (n == 1 ? "" : "s")
                + (lint ? " (--lint: every warning counts)" : ""));
        return null;
    }
}

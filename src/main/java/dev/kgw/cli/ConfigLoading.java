package dev.kgw.cli;

import dev.kgw.Namespaces;
import dev.kgw.config.ConfigException;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.Problem;
import dev.kgw.config.ServiceConfig;
import dev.kgw.spi.Namespace;
import dev.kgw.spi.PluginJars;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared by {@code run} and {@code check}: the same plugins, the same parse, the same messages. */
final class ConfigLoading {
    private ConfigLoading() {}

    /** A parsed file and the namespaces that parsed it (the built-in ones and the plugins next to the file). */
    record Loaded(ServiceConfig config, Namespaces namespaces) {}

    /**
     * @param lint every warning counts as an error ({@code check --lint})
     * @return the parsed config, or null after printing every error
     */
    static Loaded load(ConfigOptions options, boolean lint, PrintStream err) {
        Path file = options.config;
        if (!Files.exists(file)) {
            err.println("ERROR " + file + ": no such file" + (file.equals(ConfigOptions.DEFAULT_CONFIG)
                    ? " (KrakenD's default path, read because no -c FILE was given)" : ""));
            return null;
        }
        Namespaces namespaces;
        Path plugins = file.toAbsolutePath().getParent().resolve(PluginJars.FOLDER);
        try {
            List<Namespace> loaded = PluginJars.load(plugins);
            namespaces = Namespaces.with(loaded);
            namespaces.registry(); // a plugin that takes a built-in's name is refused before anything parses
            for (Namespace ns : loaded) {
                err.println("INFO plugin namespace " + ns.name() + " (" + ns.getClass().getName() + ") from "
                        + file.getParent().resolve(PluginJars.FOLDER));
            }
        } catch (RuntimeException e) {
            err.println("ERROR " + plugins + ": " + e.getMessage());
            return null;
        }
        ConfigParser.Result result = null;
        List<Problem> problems;
        try {
            result = new ConfigParser(namespaces.registry(), options.allowUnsupported).load(file, System.getenv());
            problems = result.problems();
        } catch (ConfigException e) {
            problems = e.problems();
        }
        if (lint) problems = problems.stream().map(Problem::asError).toList();
        for (Problem p : problems) err.println(p.render(file.toString()));
        long n = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        if (n == 0) return new Loaded(result.config(), namespaces);
        err.println("ERROR parsing the configuration file: " + n + " error" + (n == 1 ? "" : "s")
                + (lint ? " (--lint: every warning counts)" : ""));
        return null;
    }
}

package dev.kgw.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code run} and {@code check} share: which file, and how strictly it is read. */
final class ConfigOptions {
    /** KrakenD's own default, where its images keep the file. */
    static final Path DEFAULT_CONFIG = Path.of("/etc/krakend/krakend.json");

    @Option(names = {"-c", "--config"}, defaultValue = "/etc/krakend/krakend.json",
            description = "Path to the configuration file (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--allow-unsupported", description = "Accept namespaces this node does not implement although "
            + "ignoring them changes traffic (JWT, CORS, circuit breaker...); each occurrence is logged as a WARNING")
    boolean allowUnsupported;
}

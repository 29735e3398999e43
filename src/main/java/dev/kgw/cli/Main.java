package dev.kgw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code krakend run|check|version}: the same commands and flags as KrakenD's CLI. The attributes below are
 * inherited by every subcommand, so {@code run --help} prints help (exit 0) and a usage error exits 1, as
 * KrakenD and the README promise, not picocli's 2.
 */
@Command(name = "krakend", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        versionProvider = VersionCommand.Provider.class,
        description = "A KrakenD-compatible API gateway for the JVM.",
        subcommands = {RunCommand.class, CheckCommand.class, VersionCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() { new CommandLine(this).usage(System.out); }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}

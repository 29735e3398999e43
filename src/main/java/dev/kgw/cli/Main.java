package dev.kgw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code krakend run|check|version}: the same commands and flags as KrakenD's CLI. */
@Command(name = "krakend", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
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

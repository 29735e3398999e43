package dev.kgw.cli;

import dev.kgw.Build;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        for (String line : new Provider().getVersion()) System.out.println(line);
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                Build.PRODUCT + " Version " + Build.VERSION + " (KrakenD CE " + Build.KRAKEND_VERSION + " compatible)",
                "Java Version " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}

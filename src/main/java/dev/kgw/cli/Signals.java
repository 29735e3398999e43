package dev.kgw.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a graceful stop that ends with exit code 0 (a JVM shutdown hook would end with 143).
 * {@code sun.misc.Signal} is the JDK's supported way to do this (module jdk.unsupported).
 */
final class Signals {
    private Signals() {}

    static void onTermOrInt(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> action.run());
            } catch (IllegalArgumentException unavailable) {
                // a platform without this signal: the default JVM behaviour stays
            }
        }
    }
}

package dev.kgw.telemetry.logging;

import java.io.Closeable;
import java.io.IOException;

/** One open socket to the syslog daemon; used by one thread at a time. */
interface SyslogConnection extends Closeable {
    /** Sends one complete line (with its trailing newline); throws if the daemon did not take it. */
    void send(byte[] line) throws IOException;

    /** Where and how it is connected, for messages about it. */
    String describe();

    @Override
    void close();
}

package dev.kgw.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class UnhandledErrorsTest {
    @Test
    void namesTheExceptionWhereItWasThrownAndTheThreadOnceAFlood() {
        Logger logger = Logger.getLogger(UnhandledErrors.class.getName());
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getLevel() + " " + r.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        logger.addHandler(capture);
        try {
            UnhandledErrors errors = new UnhandledErrors();
            for (int i = 0; i < 50; i++) errors.log(new IllegalStateException("Response has already been written"));
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.startsWith("SEVERE unhandled exception on " + Thread.currentThread().getName()
                    + ": Response has already been written (IllegalStateException) at dev.kgw.router."
                    + "UnhandledErrorsTest.namesTheExceptionWhereItWasThrownAndTheThreadOnceAFlood"), line);
        } finally {
            logger.removeHandler(capture);
        }
    }
}

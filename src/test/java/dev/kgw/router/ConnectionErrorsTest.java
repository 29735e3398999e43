package dev.kgw.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionErrorsTest {
    private final Logger logger = Logger.getLogger(ConnectionErrors.class.getName());
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { lines.add(r.getLevel() + " " + r.getMessage()); }
        @Override public void flush() {}
        @Override public void close() {}
    };
    private final Supplier<String> client = () -> "10.1.2.3:4567";

    ConnectionErrorsTest() {
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
        logger.setLevel(null);
    }

    @Test
    void eachLineNamesTheClientAndWhatHappenedAtALevelByKind() {
        ConnectionErrors errors = new ConnectionErrors();
        errors.log(client, new StreamResetException(8));
        errors.log(client, new DecoderException("invalid chunk size"));
        errors.log(client, new IllegalStateException("boom"));
        assertEquals(List.of(
                "FINE client 10.1.2.3:4567 reset its HTTP/2 stream (error code 8)",
                "INFO client 10.1.2.3:4567 sent a malformed request: invalid chunk size (DecoderException)",
                "WARNING connection of client 10.1.2.3:4567: boom (IllegalStateException)"), lines);
    }

    @Test
    void aFloodOfOneKindIsOneLine() {
        ConnectionErrors errors = new ConnectionErrors();
        for (int i = 0; i < 1000; i++) errors.log(client, new IOException("Connection reset by peer"));
        assertEquals(List.of("FINE client 10.1.2.3:4567 went away: Connection reset by peer (IOException)"), lines);
    }
}

package dev.kgw.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kgw.config.ServerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenerLimitsTest {
    /** What {@code Runtime.maxMemory()} says under the launcher's {@code -Xmx64m -Xmn16m}. */
    private static final long LAUNCHER_HEAP = 65_470_464;

    private static ServerSettings server(Duration read, Duration readHeader) {
        return new ServerSettings(read, Duration.ZERO, Duration.ZERO, readHeader, 1 << 20, false, null);
    }

    @Test
    void defaultsFitTheLaunchersHeapAndGrowWithIt() {
        ListenerLimits l = ListenerLimits.of(server(Duration.ZERO, Duration.ZERO), RouterOptions.DEFAULT, LAUNCHER_HEAP);
        assertEquals(2048, l.maxConnections());
        assertEquals(1024, l.maxInFlight());
        ListenerLimits big = ListenerLimits.of(server(Duration.ZERO, Duration.ZERO), RouterOptions.DEFAULT, 1L << 30);
        assertEquals(32768, big.maxConnections());
        assertEquals(16384, big.maxInFlight());
    }

    @Test
    void theHeadTimeoutIsAlwaysOnAndFallsBackAsGosDoes() {
        RouterOptions r = RouterOptions.DEFAULT;
        assertEquals(Duration.ofSeconds(10).toNanos(),
                ListenerLimits.of(server(Duration.ZERO, Duration.ZERO), r, LAUNCHER_HEAP).readHeaderTimeoutNanos());
        assertEquals(Duration.ofSeconds(3).toNanos(),
                ListenerLimits.of(server(Duration.ofSeconds(3), Duration.ZERO), r, LAUNCHER_HEAP).readHeaderTimeoutNanos());
        ListenerLimits both = ListenerLimits.of(server(Duration.ofSeconds(3), Duration.ofSeconds(1)), r, LAUNCHER_HEAP);
        assertEquals(Duration.ofSeconds(1).toNanos(), both.readHeaderTimeoutNanos());
        assertEquals(Duration.ofSeconds(3).toNanos(), both.readTimeoutNanos());
    }
}

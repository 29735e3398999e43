package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    private static final List<String> KEYS = List.of("allow", "deny", "backend", "url_pattern", "host", "sd");

    @Test
    void typosFindTheirKey() {
        assertEquals(Optional.of("allow"), ClosestName.among("alow", KEYS));
        assertEquals(Optional.of("backend"), ClosestName.among("bakend", KEYS));
        assertEquals(Optional.of("url_pattern"), ClosestName.among("url_patetrn", KEYS), "a swap is one edit");
        assertEquals(Optional.of("host"), ClosestName.among("Hosts", KEYS));
    }

    @Test
    void farOffNamesGetNoSuggestion() {
        assertEquals(Optional.empty(), ClosestName.among("colour", KEYS));
        assertEquals(Optional.empty(), ClosestName.among("s", List.of("sd")), "a whole word away is no typo");
        assertEquals(Optional.empty(), ClosestName.among("timeout_ms", KEYS));
    }

    @Test
    void distanceCountsSwapsAsOne() {
        assertEquals(1, ClosestName.distance("security", "secuirty"));
        assertEquals(3, ClosestName.distance("kitten", "sitting"));
        assertEquals(0, ClosestName.distance("a", "a"));
    }
}

package dev.kgw.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigFingerprintTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String of(String json) throws Exception { return ConfigFingerprint.of(JSON.readTree(json)); }

    @Test
    void ignoresFormattingKeyOrderAndName() throws Exception {
        String a = of("{\"version\":3,\"name\":\"a\",\"port\":8080,\"endpoints\":[{\"endpoint\":\"/x\"}]}");
        String b = of("{ \"endpoints\" : [ { \"endpoint\" : \"/x\" } ],\n \"port\": 8080, \"version\": 3, \"name\": \"b\" }");
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{16}"), a);
    }

    @Test
    void changesWithAnythingElse() throws Exception {
        String a = of("{\"version\":3,\"endpoints\":[{\"endpoint\":\"/x\"}]}");
        assertNotEquals(a, of("{\"version\":3,\"endpoints\":[{\"endpoint\":\"/y\"}]}"));
        assertNotEquals(a, of("{\"version\":3,\"timeout\":\"3s\",\"endpoints\":[{\"endpoint\":\"/x\"}]}"));
    }
}

package dev.kgw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable hash of the effective config (the file after {@code KRAKEND_*} overrides), so an operator sees at once
 * whether every node of a cluster runs the same thing. Like KrakenD's cluster id it leaves out {@code name}; it is
 * taken over a canonical form (keys sorted, no whitespace), so reformatting the file does not change it.
 * Command-line flags ({@code -p}, {@code -d}) are not part of it: nodes on one host differ only by those.
 */
public final class ConfigFingerprint {
    private static final JsonCodec JSON = new JsonCodec();

    private ConfigFingerprint() {}

    public static String of(JsonNode root) {
        JsonNode copy = root.deepCopy();
        if (copy instanceof ObjectNode obj) obj.remove("name");
        byte[] canonical = JSON.encode(JSON.decode(copy.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package dev.kgw.auth.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Web Key Set as read once, keyed the way the strategy names keys. A key that cannot be read is left out
 * (and said so) instead of failing the whole set, so one odd key beside the signing ones costs nothing.
 */
public final class KeySet {
    /** A set with more keys than this is refused: nobody signs with thousands of keys. */
    public static final int MAX_KEYS = 1000;

    private final Map<String, VerificationKey> byId;
    private final List<String> skipped;

    private KeySet(Map<String, VerificationKey> byId, List<String> skipped) {
        this.byId = byId;
        this.skipped = skipped;
    }

    public static KeySet parse(byte[] json, KeyIdStrategy strategy) throws ParseException {
        Map<String, Object> root = JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
        List<Object> keys = JSONObjectUtils.getJSONArray(root, "keys");
        if (keys == null || keys.isEmpty()) throw new ParseException("no Keys have been found", 0);
        if (keys.size() > MAX_KEYS) throw new ParseException("more than " + MAX_KEYS + " keys", 0);
        Map<String, VerificationKey> byId = new HashMap<>();
        List<String> skipped = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                if (!(keys.get(i) instanceof Map<?, ?> m)) throw new ParseException("not an object", 0);
                @SuppressWarnings("unchecked") JWK jwk = JWK.parse((Map<String, Object>) m);
                byId.put(strategy.ofKey(jwk), VerificationKey.of(jwk));
            } catch (ParseException | JOSEException | RuntimeException e) {
                skipped.add("key #" + i + ": " + e.getMessage());
            }
        }
        if (byId.isEmpty()) throw new ParseException("no usable key (" + String.join("; ", skipped) + ")", 0);
        return new KeySet(Map.copyOf(byId), List.copyOf(skipped));
    }

    /** The key with that id, or null. */
    public VerificationKey get(String id) { return byId.get(id); }

    public int size() { return byId.size(); }

    /** Why keys were left out, for the log. */
    public List<String> skipped() { return skipped; }
}

package dev.kgw.auth.jose;

import dev.kgw.encoding.DecodeException;
import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A token in JWS compact serialization ({@code header.payload.signature}), split and decoded but not trusted:
 * nothing here says the signature is good. Anything else (JWE, JSON serialization, a {@code crit} header, an
 * unencoded payload) is refused rather than half-understood.
 */
public final class CompactJws {
    /** Tokens longer than this are refused before any decoding: a claim set has no business being bigger. */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final Map<String, Object> header;
    private final String alg;
    private final byte[] signingInput;
    private final byte[] payload;
    private final byte[] signature;
    /** The payload once decoded: choosing an issuer reads it before the signature check, verifying after. */
    private Map<String, Object> claims;

    private CompactJws(Map<String, Object> header, byte[] signingInput, byte[] payload, byte[] signature) {
        this.header = header;
        this.alg = header.get("alg") instanceof String s ? s : null;
        this.signingInput = signingInput;
        this.payload = payload;
        this.signature = signature;
    }

    public static CompactJws parse(String token) throws InvalidTokenException {
        if (token.length() > MAX_LENGTH) throw new InvalidTokenException("token longer than " + MAX_LENGTH + " bytes");
        int a = token.indexOf('.');
        int b = a < 0 ? -1 : token.indexOf('.', a + 1);
        if (a <= 0 || b < 0 || token.indexOf('.', b + 1) >= 0) {
            throw new InvalidTokenException("not a compact JWS (three dot-separated parts)");
        }
        Map<String, Object> header = object(decode(token, 0, a), "header");
        if (header.containsKey("crit")) throw new InvalidTokenException("critical header parameters are not supported");
        if (header.containsKey("b64")) throw new InvalidTokenException("unencoded payloads are not supported");
        if (header.containsKey("enc")) throw new InvalidTokenException("encrypted tokens are not supported");
        byte[] payload = decode(token, a + 1, b);
        byte[] signature = decode(token, b + 1, token.length());
        byte[] input = token.substring(0, b).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(header, input, payload, signature);
    }

    private static byte[] decode(String token, int from, int to) throws InvalidTokenException {
        while (to > from && token.charAt(to - 1) == '=') to--; // go-jose trims padding before decoding
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) throw new InvalidTokenException("not base64url");
        }
        try {
            return B64.decode(token.substring(from, to));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("not base64url: " + e.getMessage());
        }
    }

    private static Map<String, Object> object(byte[] json, String what) throws InvalidTokenException {
        try {
            return JsonCodec.instance().decodeObject(json);
        } catch (DecodeException e) {
            throw new InvalidTokenException("the " + what + " is not a JSON object");
        }
    }

    /** The {@code alg} header, or null when absent or not a string. */
    public String alg() { return alg; }

    /** A header parameter as a string, or null. */
    public String headerString(String name) { return header.get(name) instanceof String s ? s : null; }

    /** The bytes the signature covers: the encoded header and payload with the dot between them. */
    byte[] signingInput() { return signingInput; }

    byte[] signature() { return signature; }

    /** The claims as decoded, not trusted until the signature is good; decoded once however often asked. */
    public Map<String, Object> claims() throws InvalidTokenException {
        if (claims == null) claims = object(payload, "payload");
        return claims;
    }
}

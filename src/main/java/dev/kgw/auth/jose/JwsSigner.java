package dev.kgw.auth.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.kgw.encoding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a JSON value as krakend-jose's signer does with go-jose: the protected header holds {@code alg}, the key's
 * {@code kid} and {@code typ} ({@code JWT} unless configured), the payload is the value as Go's {@code json.Marshal}
 * writes it (sorted keys), the result in compact or, with {@code full}, JSON serialization.
 */
public final class JwsSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** RFC 8410's PKCS#8 prefix for an Ed25519 private key: the raw 32 bytes follow it. */
    private static final byte[] ED25519_PKCS8 = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
            0x70, 0x04, 0x22, 0x04, 0x20};

    private final JwsAlgorithm alg;
    private final JWK key;
    private final String header;
    private final boolean full;

    public JwsSigner(JwsAlgorithm alg, JWK key, String typ, boolean full) {
        this.alg = alg;
        this.key = key;
        this.full = full;
        Map<String, Object> h = new TreeMap<>();
        h.put("alg", alg.name());
        h.put("kid", key.getKeyID() == null ? "" : key.getKeyID());
        h.put("typ", typ.isEmpty() ? "JWT" : typ);
        this.header = B64.encodeToString(JsonCodec.instance().encode(h));
    }

    public String sign(Object value) throws JOSEException {
        String payload = B64.encodeToString(JsonCodec.instance().encode(value));
        String input = header + "." + payload;
        String signature = B64.encodeToString(signature(input.getBytes(StandardCharsets.US_ASCII)));
        if (!full) return input + "." + signature;
        Map<String, Object> json = new TreeMap<>();
        json.put("payload", payload);
        json.put("protected", header);
        json.put("signature", signature);
        return new String(JsonCodec.instance().encode(json), StandardCharsets.UTF_8);
    }

    private byte[] signature(byte[] input) throws JOSEException {
        try {
            switch (alg.family()) {
                case HMAC -> {
                    if (!(key instanceof OctetSequenceKey oct)) break;
                    Mac mac = Mac.getInstance(alg.mac());
                    mac.init(new SecretKeySpec(oct.toByteArray(), alg.mac()));
                    return mac.doFinal(input);
                }
                case RSA -> {
                    if (!(key instanceof RSAKey rsa) || !rsa.isPrivate()) break;
                    return new RSASSASigner(rsa).sign(new JWSHeader(JWSAlgorithm.parse(alg.name())), input).decode();
                }
                case EC -> {
                    if (!(key instanceof ECKey ec) || !ec.isPrivate()) break;
                    return new ECDSASigner(ec).sign(new JWSHeader(JWSAlgorithm.parse(alg.name())), input).decode();
                }
                case OKP -> {
                    if (!(key instanceof OctetKeyPair okp) || !okp.isPrivate() || !Curve.Ed25519.equals(okp.getCurve())) {
                        break;
                    }
                    Signature s = Signature.getInstance("Ed25519");
                    s.initSign(ed25519(okp.getDecodedD()));
                    s.update(input);
                    return s.sign();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
        throw new JOSEException("key '" + key.getKeyID() + "' (" + key.getKeyType() + ") cannot sign " + alg);
    }

    private static PrivateKey ed25519(byte[] d) throws GeneralSecurityException {
        byte[] der = new byte[ED25519_PKCS8.length + d.length];
        System.arraycopy(ED25519_PKCS8, 0, der, 0, ED25519_PKCS8.length);
        System.arraycopy(d, 0, der, ED25519_PKCS8.length, d.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

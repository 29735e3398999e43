package dev.kgw.auth.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key of a set, made ready to check signatures once when the set is read (public keys decoded, verifiers
 * built), so a request pays only for the verification itself. A key only verifies the family its type belongs
 * to: an RSA public key is never used as an HMAC secret (algorithm confusion), an EC key only on its own curve.
 */
public final class VerificationKey {
    /** RFC 8410's SubjectPublicKeyInfo prefix for an Ed25519 key: the raw 32 bytes follow it. */
    private static final byte[] ED25519_SPKI = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final JWK jwk;
    private final JWSVerifier verifier; // RSA and EC
    private final byte[] secret;        // HMAC
    private final PublicKey ed25519;    // EdDSA

    private VerificationKey(JWK jwk, JWSVerifier verifier, byte[] secret, PublicKey ed25519) {
        this.jwk = jwk;
        this.verifier = verifier;
        this.secret = secret;
        this.ed25519 = ed25519;
    }

    /** @throws JOSEException when the key cannot verify anything (a malformed or unsupported key) */
    public static VerificationKey of(JWK jwk) throws JOSEException {
        if (jwk instanceof RSAKey rsa) return new VerificationKey(jwk, new RSASSAVerifier(rsa.toRSAPublicKey()), null, null);
        if (jwk instanceof ECKey ec) return new VerificationKey(jwk, new ECDSAVerifier(ec.toECPublicKey()), null, null);
        if (jwk instanceof OctetSequenceKey oct) return new VerificationKey(jwk, null, oct.toByteArray(), null);
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            byte[] x = okp.getDecodedX();
            if (x.length != 32) throw new JOSEException("an Ed25519 key has 32 bytes, this one " + x.length);
            byte[] spki = new byte[ED25519_SPKI.length + 32];
            System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
            System.arraycopy(x, 0, spki, ED25519_SPKI.length, 32);
            try {
                return new VerificationKey(jwk, null, null,
                        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 key: " + e.getMessage(), e);
            }
        }
        throw new JOSEException("unsupported key type " + jwk.getKeyType());
    }

    public JWK jwk() { return jwk; }

    /** Whether the token's signature is good for {@code alg} under this key; false for a key of another kind. */
    public boolean verifies(JwsAlgorithm alg, CompactJws token) {
        try {
            return switch (alg.family()) {
                case HMAC -> secret != null && secret.length > 0 && hmac(alg, token);
                case RSA -> verifier instanceof RSASSAVerifier && nimbus(alg, token);
                case EC -> verifier instanceof ECDSAVerifier ec && curveOf(ec).equals(alg.curve()) && nimbus(alg, token);
                case OKP -> ed25519 != null && ed25519(token);
            };
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private boolean hmac(JwsAlgorithm alg, CompactJws token) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(alg.mac());
        mac.init(new SecretKeySpec(secret, alg.mac()));
        return MessageDigest.isEqual(mac.doFinal(token.signingInput()), token.signature());
    }

    private boolean nimbus(JwsAlgorithm alg, CompactJws token) throws JOSEException {
        return verifier.verify(new JWSHeader(JWSAlgorithm.parse(alg.name())), token.signingInput(),
                Base64URL.encode(token.signature()));
    }

    private boolean ed25519(CompactJws token) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(ed25519);
        s.update(token.signingInput());
        return s.verify(token.signature());
    }

    private static String curveOf(ECDSAVerifier v) {
        Curve c = Curve.forECParameterSpec(v.getPublicKey().getParams());
        return c == null ? "" : c.getName();
    }
}

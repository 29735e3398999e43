import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

/**
 * Writes what scenario (h) needs into the folder given: an RS256 public key set ({@code jwks.json}) and one token
 * signed with its private key ({@code token.txt}), valid for a day. Run with the node's jar on the class path:
 * {@code java -cp target/kgw.jar bench/JwtFixture.java DIR}.
 */
public class JwtFixture {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(List.of(key.toPublicJWK())).toString());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://bench").audience("api").subject("user-1")
                .expirationTime(new Date(System.currentTimeMillis() + 86_400_000L)).claim("roles", List.of("user"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
        jwt.sign(new RSASSASigner(key));
        Files.writeString(dir.resolve("token.txt"), jwt.serialize());
    }
}

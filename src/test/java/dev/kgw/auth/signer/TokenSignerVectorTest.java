package dev.kgw.auth.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;
import dev.kgw.auth.jose.JwsAlgorithm;
import dev.kgw.auth.jose.JwsSigner;
import dev.kgw.encoding.JsonNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer writes byte for byte what KrakenD's does (the CE suite's {@code jwt_4} vector). */
class TokenSignerVectorTest {
    @Test
    void signsLikeGoJose() throws Exception {
        OctetSequenceKey key = new OctetSequenceKey.Builder(new Base64URL(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"))
                .keyID("sim2").build();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "1234567890qwertyuio");
        claims.put("aud", "http://api.example.com");
        claims.put("iss", "https://krakend.io");
        claims.put("jti", "mnb23vcsrt756yuiomnbvcx98ertyuiop");
        claims.put("roles", List.of("role_y"));
        claims.put("exp", new JsonNumber("1735689600"));
        assertEquals("eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29t"
                + "IiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZj"
                + "eDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX3kiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.zkfOW6Fsd0DzhYTXjc_SA"
                + "3oOv2mG76JZTAvRaVibPNA", new JwsSigner(JwsAlgorithm.HS256, key, "", false).sign(claims));
    }
}

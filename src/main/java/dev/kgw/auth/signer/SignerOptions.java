package dev.kgw.auth.signer;

import dev.kgw.auth.jose.JwkSettings;
import dev.kgw.auth.jose.JwsAlgorithm;
import java.util.List;

/** One endpoint's {@code auth/signer}. */
public record SignerOptions(JwsAlgorithm alg, String kid, String typ, List<String> keysToSign, boolean full,
                            JwkSettings keys) {}

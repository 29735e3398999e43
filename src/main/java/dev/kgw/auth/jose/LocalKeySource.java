package dev.kgw.auth.jose;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/** {@code jwk_local_path}: a key set read once at start-up (as KrakenD does); its keys are trusted for good. */
public final class LocalKeySource implements KeySource {
    private final KeySet keys;

    public LocalKeySource(KeySet keys) { this.keys = keys; }

    /** @throws IOException or ParseException, which the caller reports as a config problem of the file */
    public static LocalKeySource read(Path file, KeyIdStrategy strategy) throws IOException, ParseException {
        long size = Files.size(file);
        if (size > JwksClient.MAX_BYTES) throw new IOException("larger than " + JwksClient.MAX_BYTES + " bytes");
        return new LocalKeySource(KeySet.parse(Files.readAllBytes(file), strategy));
    }

    @Override
    public Future<VerificationKey> key(String id) {
        VerificationKey k = keys.get(id);
        return k != null ? Future.succeededFuture(k)
                : Future.failedFuture(new InvalidTokenException("key '" + id + "' not found in the key set"));
    }

    @Override public long trustedUntilNanos() { return Long.MAX_VALUE; }
}

package dev.kgw.auth.jose;

/** Why a token was not accepted: for {@code operation_debug} logs only, never sent to the client. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) { super(message, null, false, false); }
}

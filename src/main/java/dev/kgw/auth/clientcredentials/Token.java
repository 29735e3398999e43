package dev.kgw.auth.clientcredentials;

/**
 * An access token as the token endpoint gave it.
 *
 * @param expiresInSeconds {@code expires_in}, or -1 when the endpoint gave none (then it is kept for good, as
 *                         Go's x/oauth2 does)
 */
record Token(String value, String type, long expiresInSeconds) {
    /** x/oauth2's {@code Token.Type()}: the usual spellings normalised, Bearer when none. */
    String authorization() {
        String t = type == null || type.isEmpty() || type.equalsIgnoreCase("bearer") ? "Bearer"
                : type.equalsIgnoreCase("mac") ? "MAC" : type.equalsIgnoreCase("basic") ? "Basic" : type;
        return t + " " + value;
    }
}

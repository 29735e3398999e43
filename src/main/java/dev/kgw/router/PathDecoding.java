package dev.kgw.router;

import dev.kgw.encoding.Percent;

/**
 * lura's param checker. Params come from the decoded path, as gin gives them; a value that would still decode
 * to something else, or holds {@code ?} or {@code #}, is refused (400, unless {@code disable_path_decoding}):
 * it would smuggle escapes, path or query parts into the backend URL. A value with a control byte is refused
 * always, since no request line may carry it (Go's client refuses such a URL later, with a 500).
 */
final class PathDecoding {
    private PathDecoding() {}

    static boolean isSuspicious(String value) {
        if (value.indexOf('?') >= 0 || value.indexOf('#') >= 0) return true;
        try {
            return !Percent.decode(value).equals(value);
        } catch (Percent.BadEscapeException e) {
            return true;
        }
    }

    static boolean hasControlByte(String value) { return Percent.hasControlByte(value); }
}

package dev.kgw.encoding;

import java.io.ByteArrayOutputStream;

/**
 * Replaces invalid UTF-8 with U+FFFD, one replacement per bad byte, which is what Go's decoders
 * do (utf8.DecodeRune reports width 1). Backends that send Latin-1 inside JSON still work in
 * KrakenD, so they must here too.
 */
final class Utf8Repair {

    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf8Repair() {
    }

    /** Returns {@code in} itself when it is already valid. */
    static byte[] repair(byte[] in) {
        int i = 0;
        int n = in.length;
        while (i < n) {
            int w = width(in, i);
            if (w == 0) {
                break;
            }
            i += w;
        }
        if (i == n) {
            return in;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        out.write(in, 0, i);
        while (i < n) {
            int w = width(in, i);
            if (w == 0) {
                out.write(REPLACEMENT, 0, 3);
                i++;
            } else {
                out.write(in, i, w);
                i += w;
            }
        }
        return out.toByteArray();
    }

    /** Length of the valid sequence at {@code i}, or 0 when the byte there starts none. */
    static int width(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        int lo = 0x80;
        int hi = 0xBF;
        int need;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + need >= b.length) {
            return 0;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c1 < lo || c1 > hi) {
            return 0;
        }
        for (int k = 2; k <= need; k++) {
            int ck = b[i + k] & 0xFF;
            if (ck < 0x80 || ck > 0xBF) {
                return 0;
            }
        }
        return need + 1;
    }
}

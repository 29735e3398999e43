package dev.kgw.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading HTTP/1.1 request heads off a plain socket, for the test backends that answer byte for byte. */
public final class RequestHeads {
    private RequestHeads() {}

    /** The request head up to the blank line (ISO-8859-1, so any byte survives), or null at end of stream. */
    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) return null;
            buf.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** The head's Content-Length, 0 when it has none. */
    public static int contentLength(String head) {
        for (String h : head.split("\r\n")) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) return Integer.parseInt(h.substring(15).trim());
        }
        return 0;
    }
}

package dev.kgw.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.x client connection over a plain socket, for the tests that need what {@code java.net.http} hides:
 * the exact bytes sent (a head byte by byte, no Host, two Hosts), keep-alive under the test's control, and each
 * response's {@code Connection} header.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A response as read; headers by lower-case name. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        boolean closes() { return "close".equalsIgnoreCase(header("Connection")); }
    }

    RawHttp(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    void send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response exchange(String request) throws IOException {
        send(request);
        return read();
    }

    /** Reads one response; EOFException when the connection closes before a complete one. */
    Response read() throws IOException {
        Response head = readHead();
        Map<String, List<String>> headers = head.headers();
        List<String> length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
        if (length != null && body.length < Integer.parseInt(length.get(0))) {
            throw new EOFException("connection closed in a response body");
        }
        return new Response(head.status(), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Reads a response's head only: a 100 Continue, or the answer to a HEAD request (its body is ""). */
    Response readHead() throws IOException {
        String status = line();
        if (status == null) throw new EOFException("connection closed before a response");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, "");
    }

    /** True when the peer closed the connection (EOF or reset) within the socket's read timeout. */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = b.size();
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException { socket.close(); }
}

package dev.kgw.it;

import dev.kgw.testing.RequestHeads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 backend on a plain socket that records every request line byte for byte, as it arrived (a
 * framework would decode or reject them first). Keep-alive; {@code /hang...} is read and never answered, so the
 * gateway's connection to it stays busy until the gateway gives up; {@code /endless} streams a chunked body that
 * never ends; {@code /big?n=BYTES} answers a JSON object
 * of that size; anything else answers {@code {"ok":true}}.
 */
final class RawBackend implements AutoCloseable {
    private final ServerSocket server;
    final List<String> requestLines = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger endlessCut = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    RawBackend() throws IOException {
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "raw-backend");
        t.setDaemon(true);
        t.start();
    }

    String url() { return "http://127.0.0.1:" + server.getLocalPort(); }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-backend-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                String head = RequestHeads.read(in);
                if (head == null) return;
                String line = head.substring(0, head.indexOf("\r\n"));
                requestLines.add(line);
                int length = RequestHeads.contentLength(head);
                if (length > 0) in.readNBytes(length);
                if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) skipChunks(in);
                String target = line.split(" ", 3).length > 1 ? line.split(" ", 3)[1] : "";
                if (target.startsWith("/endless")) {
                    endless(out); // until the gateway closes this connection
                    return;
                }
                if (target.startsWith("/hang")) {
                    in.read(); // until the gateway closes this connection
                    return;
                }
                byte[] body = target.startsWith("/big?n=")
                        ? ("{\"d\":\"" + "x".repeat(Integer.parseInt(target.substring(7)) - 8) + "\"}")
                                .getBytes(StandardCharsets.US_ASCII)
                        : "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            // the gateway closed the connection
        }
    }

    /** A chunked body that never ends; counts in {@link #endlessCut} when the reader hangs up. */
    private void endless(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("400\r\n" + "y".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            while (true) {
                out.write(chunk);
                out.flush();
                Thread.onSpinWait();
            }
        } catch (IOException cut) {
            endlessCut.incrementAndGet();
        }
    }

    private static void skipChunks(InputStream in) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new IOException("cut in a chunk size");
                if (b != '\r') size.append((char) b);
            }
            int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            in.readNBytes(n + 2); // the chunk and its CRLF (after the last, empty one: the final CRLF)
            if (n == 0) return;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}

package dev.kgw.backend;

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
 * An HTTP/1.1 backend on a plain socket whose every answer is written by a script, byte for byte, so a test can
 * make it misbehave as no framework would let it: close a kept-alive connection instead of answering, send a
 * header past any bound. Request bodies are read by Content-Length only.
 */
final class ScriptedBackend implements AutoCloseable {
    /** What to do with one request: write an answer and return true to keep the connection, false to close it. */
    interface Script {
        boolean answer(int connection, int request, String head, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Script script;
    final AtomicInteger connections = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ScriptedBackend(Script script) throws IOException {
        this.script = script;
        server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "scripted-backend");
        t.setDaemon(true);
        t.start();
    }

    String url(String path) { return "http://127.0.0.1:" + server.getLocalPort() + path; }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s, n), "scripted-backend-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int request = 1; ; request++) {
                String head = RequestHeads.read(in);
                if (head == null) return;
                heads.add(head);
                int length = RequestHeads.contentLength(head);
                if (length > 0) in.readNBytes(length);
                if (!script.answer(connection, request, head, out)) return;
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    static void ok(OutputStream out, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(b);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}

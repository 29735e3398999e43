package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the integration tests share to run the packaged node as a process and wait for it. */
final class Nodes {
    private Nodes() {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** {@code java [jvmArgs] -jar kgw.jar [args]}. */
    static List<String> command(List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(System.getProperty("kgw.jar", "target/kgw.jar"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Polls {@code url} until it answers at all (any status), failing at once if the node died; returns it. */
    static HttpResponse<String> awaitAnswer(HttpClient client, URI url, Process node, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                assertTrue(node.isAlive(), "the node died while starting");
                assertTrue(System.nanoTime() < deadline, "the node did not answer within " + seconds + " s");
                Thread.sleep(20); // poll interval, bounded by the deadline
            }
        }
    }

    /**
     * A throw-away {@code redis-server} (Debian's) on loopback, no persistence, logging to {@code log}; returns once
     * it accepts connections. Destroying the process stops it (SIGTERM); starting it again on the same port is how
     * the tests bring Redis back.
     */
    static Process startRedis(int port, Path log) throws Exception {
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                assertTrue(p.isAlive(), "redis-server exited; see " + log.getFileName());
                assertTrue(System.nanoTime() < deadline, "redis-server did not start");
                Thread.sleep(20); // poll interval, bounded by the deadline
            }
        }
    }

    /**
     * Writes {@code config} to a file, runs the packaged node on it (its output in a log file beside) and returns
     * once {@code /__health} on {@code port} answers.
     */
    static Process runNode(List<String> jvmArgs, String config, int port) throws Exception {
        return runNode(jvmArgs, config, port, java.nio.file.Files.createTempFile("kgw-node", ".log"));
    }

    /** The same, with the node's output in {@code log}. */
    static Process runNode(List<String> jvmArgs, String config, int port, Path log) throws Exception {
        Path cfg = java.nio.file.Files.createTempFile("kgw-node", ".json");
        java.nio.file.Files.writeString(cfg, config);
        Process node = new ProcessBuilder(command(jvmArgs, "run", "-c", cfg.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitAnswer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/__health"), node, 30);
        return node;
    }

    /** SIGTERM, and wait for the node to finish. */
    static void stopNode(Process node) throws InterruptedException {
        node.destroy();
        node.waitFor(20, TimeUnit.SECONDS);
    }
}

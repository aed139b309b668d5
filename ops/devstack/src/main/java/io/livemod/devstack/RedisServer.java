package io.livemod.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real redis-server process on a free loopback port, for tests. Fails with a clear message when
 * redis-server is not installed: tests that need Redis never skip silently.
 */
public final class RedisServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final boolean tls;

    private RedisServer(Process process, int port, boolean tls) {
        this.process = process;
        this.port = port;
        this.tls = tls;
    }

    public static RedisServer start() {
        int port = EmbeddedBroker.freePort();
        return launch(port, false, "--port", Integer.toString(port));
    }

    /** A server that speaks TLS only (no plaintext port), with this PEM certificate and key; clients are not asked for one. */
    public static RedisServer startTls(Path cert, Path key, Path ca) {
        int port = EmbeddedBroker.freePort();
        return launch(
                port,
                true,
                "--port",
                "0",
                "--tls-port",
                Integer.toString(port),
                "--tls-cert-file",
                cert.toString(),
                "--tls-key-file",
                key.toString(),
                "--tls-ca-cert-file",
                ca.toString(),
                "--tls-auth-clients",
                "no");
    }

    private static RedisServer launch(int port, boolean tls, String... listen) {
        String binary = findBinary();
        List<String> cmd = new java.util.ArrayList<>(List.of(binary, "--bind", "127.0.0.1"));
        cmd.addAll(List.of(listen));
        cmd.addAll(List.of("--save", "", "--appendonly", "no", "--daemonize", "no"));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            awaitListening(p, port);
            return new RedisServer(p, port, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    /** The installed redis-server, or a clear failure naming how to install it. */
    public static String findBinary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        throw new IllegalStateException(
                "redis-server is not installed: `apt-get install -y redis-server` (see .ci/run)");
    }

    private static void awaitListening(Process p, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) throw new IllegalStateException("redis-server exited with " + p.exitValue());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // harness polling, not a test wait
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    public String uri() {
        return (tls ? "rediss" : "redis") + "://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

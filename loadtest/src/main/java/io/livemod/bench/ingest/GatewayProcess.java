package io.livemod.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A dev-mode gateway in its own JVM (`livemod gateway --dev`), started from this benchmark's own
 * classpath (the livemod jar), with quotas raised out of the way: the benchmark measures the
 * pipeline, not the limiter.
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GatewayProcess start(String bootstrap, int port, String heap, Path log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                "io.livemod.cli.Livemod", "gateway", "--dev", "--bootstrap", bootstrap, "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LIVEMOD_QUOTA_EVENTS_PER_SECOND", "100000000");
        pb.environment().put("LIVEMOD_QUOTA_BURST", "100000000");
        pb.environment().put("LIVEMOD_HTTP_HOST", "127.0.0.1");
        GatewayProcess g = new GatewayProcess(pb.start(), port);
        g.awaitReady(log);
        return g;
    }

    private void awaitReady(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + log);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200); // harness polling, not a measurement
        }
        close();
        throw new IllegalStateException("gateway not ready within 90 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

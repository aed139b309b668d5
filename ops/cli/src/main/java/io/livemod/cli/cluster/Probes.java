package io.livemod.cli.cluster;

import io.livemod.server.StartupException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits for processes to serve: Kafka with every broker registered, a TCP port, an HTTP readiness route. */
final class Probes {
    private static final long POLL_NANOS = 200_000_000L;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void awaitBrokers(ClusterLayout layout, Duration timeout, Runnable stillAlive) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                layout.bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000))) {
            while (true) {
                stillAlive.run();
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= layout.brokers()) return;
                } catch (Exception notYet) {
                    // brokers still electing a controller or starting
                }
                pause(deadline, "Kafka did not register " + layout.brokers() + " brokers at " + layout.bootstrap());
            }
        }
    }

    void awaitTcp(int port, Duration timeout, Runnable stillAlive) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            stillAlive.run();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                pause(deadline, "nothing listens on port " + port);
            }
        }
    }

    void awaitReady(String url, Duration timeout, Runnable stillAlive) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            stillAlive.run();
            if (ready(url)) return;
            pause(deadline, url + " did not answer 200");
        }
    }

    boolean ready(String url) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + url);
        }
    }

    private static void pause(Instant deadline, String what) {
        if (Instant.now().isAfter(deadline)) throw new StartupException(what + " within the start timeout");
        LockSupport.parkNanos(POLL_NANOS); // polling a process we started; not a test wait
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}

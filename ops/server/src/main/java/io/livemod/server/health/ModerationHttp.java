package io.livemod.server.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The moderation role's own small HTTP server: /health/live, /health/ready and /metrics, the same
 * routes the gateway has, so probes and scrapes treat every role alike. The JDK's server is enough
 * for a few probes a second and keeps Vert.x out of a role that has no other HTTP.
 */
public final class ModerationHttp implements AutoCloseable {
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";
    /** Every route it serves (K8sManifestsTest checks the probes against them). */
    public static final List<String> ROUTES = List.of(LIVE, READY, METRICS);

    private final HttpServer server;
    private final ExecutorService executor;

    private ModerationHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ModerationHttp start(
            String host, int port, ModerationHealth health, PrometheusMeterRegistry registry) {
        Gauge.builder("livemod_moderation_lag_records", health, ModerationHealth::lag)
                .strongReference(true)
                .description("largest per-partition consumer lag of this moderation instance")
                .register(registry);
        Gauge.builder("livemod_moderation_ready", health, h -> h.status().ready() ? 1 : 0)
                .strongReference(true)
                .description("1 when Streams is RUNNING and lag is within the readiness bound")
                .register(registry);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "moderation-http"));
        server.setExecutor(executor);
        server.createContext(LIVE, ex -> reply(ex, 200, "application/json", "{\"status\":\"up\"}"));
        server.createContext(READY, ex -> {
            ModerationHealth.Status s = health.status();
            reply(ex, s.ready() ? 200 : 503, "application/json", s.json());
        });
        server.createContext(METRICS, ex -> reply(ex, 200, "text/plain; version=0.0.4", registry.scrape()));
        server.createContext("/", ex -> reply(ex, 404, "application/json", ""));
        server.start();
        return new ModerationHttp(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!ex.getHttpContext().getPath().equals(ex.getRequestURI().getPath())) {
                status = 404;
                body = "{\"error\":\"not_found\",\"message\":\"no such route\"}";
                type = "application/json";
            } else if (!"GET".equals(ex.getRequestMethod())) {
                status = 405;
                body = "{\"error\":\"method_not_allowed\",\"message\":\"GET only\"}";
                type = "application/json";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

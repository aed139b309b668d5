package io.livemod.gateway.testkit;

import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.ingest.IngestConfig;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.ApiContract;
import io.livemod.gateway.testing.Signer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/** A real gateway (dev mode, real HTTP) on a free port against the test broker, and a signing client whose answers are checked against openapi.yaml. */
public final class TestGateway implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final Vertx vertx = Vertx.vertx();
    public final Gateway gateway;
    public final Platforms platforms;
    public final Clock clock;
    public final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public TestGateway(Clock clock, String redisUri, UnaryOperator<IngestConfig> ingest) {
        this(TestBroker.bootstrap(), clock, redisUri, ingest);
    }

    public TestGateway(String bootstrap, Clock clock, String redisUri, UnaryOperator<IngestConfig> ingest) {
        this(bootstrap, clock, c -> c.withRedis(redisUri).withIngest(ingest.apply(IngestConfig.defaults())));
    }

    /** @param changes changes to the dev-mode configuration (limits, ingest, Redis) */
    public TestGateway(String bootstrap, Clock clock, UnaryOperator<GatewayConfig> changes) {
        this.clock = clock;
        this.platforms = Platforms.dev();
        GatewayConfig config = changes.apply(GatewayConfig.dev(bootstrap, 0));
        this.gateway = new Gateway(vertx, config, platforms, clock, metrics);
        gateway.start().await();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    }

    public TestGateway(Clock clock) {
        this(clock, null, UnaryOperator.identity());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + gateway.port() + path;
    }

    /** Registers a platform directly (tests of ingest need no admin round trip). */
    public void addPlatform(String id, String secret) {
        platforms.put(Platform.of(id, id, secret, null));
    }

    public String adminToken() {
        return gateway.auth().devToken("ops-alice", Principal.Role.ADMIN, null, 60);
    }

    public HttpResponse<String> post(String path, String platform, String secret, byte[] body, String contentType) {
        return send(
                Signer.sign(HttpRequest.newBuilder(URI.create(url(path))), clock, platform, secret, "POST", path, body)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    public HttpResponse<String> post(String path, String platform, String secret, String json) {
        return post(path, platform, secret, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public static HttpResponse<String> send(HttpRequest req) {
        try {
            return ApiContract.conforms(HTTP.send(req, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public double counter(String name, String... tags) {
        var c = metrics.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void close() {
        gateway.close();
        vertx.close().await();
    }
}

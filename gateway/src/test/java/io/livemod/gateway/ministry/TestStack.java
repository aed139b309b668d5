package io.livemod.gateway.ministry;

import static org.awaitility.Awaitility.await;

import io.livemod.event.Topic;
import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.ApiContract;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Test harness of the ministry and admin tests: the shared test broker (tests use distinct ids),
 * gateways started on it with ministry settings, recorded webhooks and a clock the test moves, an HTTP client for Bearer and platform-signed calls, and a producer standing in for
 * the topology (alerts, flags, decisions).
 */
public final class TestStack {
    private TestStack() {}

    /** The gateway tests' shared broker (one per test JVM, every topic provisioned). */
    public static String bootstrap() {
        return TestBroker.bootstrap();
    }

    /** A gateway with its own Vert.x; the deadline check runs every 50 ms so moved clocks take effect quickly. */
    public static Running gateway(MutableClock clock, String redisUri, Duration escalationDelay) {
        // KafkaWriter.warmUp allows 200 ms per topic's metadata; on a loaded 2-core machine a cold
        // producer can miss that, so a start is retried (reported to the ingest owner).
        for (int attempt = 1; ; attempt++) {
            try {
                return startGateway(clock, redisUri, escalationDelay);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    private static Running startGateway(MutableClock clock, String redisUri, Duration escalationDelay) {
        Vertx vertx = Vertx.vertx();
        GatewayConfig config = GatewayConfig.dev(bootstrap(), 0).withRedis(redisUri);
        RecordingWebhooks hooks = new RecordingWebhooks();
        Gateway g = new Gateway(
                        vertx, config, Platforms.dev(), clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withMinistry(MinistryConfig.dev().withEscalation(escalationDelay, Duration.ofMillis(50)))
                .withWebhooks(hooks);
        try {
            g.start().await();
        } catch (RuntimeException e) {
            g.close();
            vertx.close().await();
            throw e;
        }
        await().atMost(Duration.ofSeconds(30)).until(g::ready);
        return new Running(vertx, g, clock, hooks);
    }

    /** Webhook deliveries the gateway asked for, in order. */
    public static final class RecordingWebhooks implements Webhooks {
        public record Delivery(String platform, String type, JsonObject payload) {}

        public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public Future<Void> deliver(String platform, String type, JsonObject payload) {
            deliveries.add(new Delivery(platform, type, payload));
            return Future.succeededFuture();
        }
    }

    public record Running(Vertx vertx, Gateway gateway, MutableClock clock, RecordingWebhooks hooks)
            implements AutoCloseable {
        public String token(Principal.Role role, String sub) {
            return gateway.auth()
                    .devToken(sub, role, role == Principal.Role.MODERATOR ? Platforms.DEMO_GAPO : null, 10);
        }

        public String base() {
            return "http://127.0.0.1:" + gateway.port();
        }

        public HttpResponse<String> get(String path, String token) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base() + path)).GET();
            if (token != null) b.header("Authorization", "Bearer " + token);
            return send(b.build());
        }

        public HttpResponse<String> send(String method, String path, String token, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) b.header("Authorization", "Bearer " + token);
            if (body != null) b.header("Content-Type", "application/json");
            return send(b.build());
        }

        public HttpResponse<String> post(String path, String token, String body) {
            return send("POST", path, token, body);
        }

        /** A platform-signed call, timed by the gateway's (test) clock. */
        public HttpResponse<String> signed(String method, String path, String platform, String body) {
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            return send(Signer.sign(
                            HttpRequest.newBuilder(URI.create(base() + path)),
                            clock,
                            platform,
                            Platforms.DEMO_SECRETS.get(platform),
                            method,
                            path,
                            bytes)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build());
        }

        public static HttpResponse<String> send(HttpRequest r) {
            try {
                return ApiContract.conforms(HTTP.send(r, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            gateway.close();
            vertx.close().await();
        }
    }

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Writes records as the topology would (acks=all), and waits for them. */
    public static <V> void publish(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(
                            topic.name(),
                            topic.key().serializer().serialize(topic.name(), key),
                            topic.value().serializer().serialize(topic.name(), value)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic.name(), e);
        }
    }

    public static Path xsd() {
        try {
            return Path.of(TestStack.class.getResource("/cap/CAP-v1.2.xsd").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

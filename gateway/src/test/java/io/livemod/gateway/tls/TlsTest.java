package io.livemod.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.devstack.RedisServer;
import io.livemod.event.KafkaClients;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Each transport over real TLS, with certificates this test makes (a throw-away CA): HTTPS on the
 * gateway from PEM files, Redis over rediss:// (a redis-server speaking TLS only), Kafka over SASL_SSL
 * (an embedded broker with a SASL_SSL listener).
 */
class TlsTest {
    static final String COMMENT =
            "[{\"id\":\"t1\",\"streamId\":\"l\",\"userId\":\"u\",\"text\":\"xin chào\",\"ts\":\"2026-11-28T20:00:00Z\"}]";

    @TempDir
    static Path dir;

    static TestCertificates certs;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.generate(dir.resolve("certs"));
    }

    static HttpResponse<String> post(HttpClient client, String base, String platform, String secret, String body)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.send(
                Signer.sign(
                                HttpRequest.newBuilder(URI.create(base + "/v1/ingest/comments")),
                                Clock.systemUTC(),
                                platform,
                                secret,
                                "POST",
                                "/v1/ingest/comments",
                                bytes)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewayServesHttpsFromPemFilesAndNothingInTheClear() throws Exception {
        try (TestGateway gw = new TestGateway(
                TestBroker.bootstrap(),
                Clock.systemUTC(),
                c -> c.withTls(new TlsFiles(certs.cert().toString(), certs.key().toString(), null)))) {
            gw.addPlatform("tls-p", "sec");
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(certs.clientContext())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "https://localhost:" + gw.gateway.port();

            HttpResponse<String> live = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(post(client, base, "tls-p", "sec", COMMENT).statusCode()).isEqualTo(202);

            // A client that does not trust the test CA refuses the certificate; plain HTTP gets no answer.
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + "/health/live"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + gw.gateway.port() + "/health/live"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void quotasAndDedupeLiveInRedisOverRediss() throws Exception {
        try (RedisServer redis = RedisServer.startTls(certs.cert(), certs.key(), certs.ca());
                TestGateway gw =
                        new TestGateway(TestBroker.bootstrap(), Clock.systemUTC(), c -> c.withRedis(redis.uri())
                                .withTls(new TlsFiles(null, null, certs.ca().toString())))) {
            assertThat(redis.uri()).startsWith("rediss://");
            gw.addPlatform("rediss-p", "sec");
            HttpClient client = HttpClient.newHttpClient();
            assertThat(post(client, gw.url(""), "rediss-p", "sec", COMMENT).statusCode())
                    .isEqualTo(202);
            assertThat(new io.vertx.core.json.JsonObject(post(client, gw.url(""), "rediss-p", "sec", COMMENT)
                                    .body())
                            .getInteger("duplicates"))
                    .isEqualTo(1);
            try (RedisClient check =
                    RedisConnections.create(redis.uri(), certs.ca().toString())) {
                assertThat(check.keys("livemod:dedupe:{rediss-p}:*")).isNotEmpty();
            }
            // Without the CA the server's certificate is not trusted: no connection.
            try (RedisClient untrusted = RedisConnections.create(redis.uri(), null)) {
                assertThatThrownBy(untrusted::ping)
                        .isInstanceOf(redis.clients.jedis.exceptions.JedisConnectionException.class);
            }
        }
    }

    @Test
    void theGatewayWritesAndFollowsKafkaOverSaslSsl() throws Exception {
        try (EmbeddedBroker broker =
                EmbeddedBroker.startSecure(dir.resolve("broker"), certs.keystore(), Map.of("livemod", "kafka-pw"))) {
            String bootstrap = broker.secureBootstrap();
            KafkaClients.register(
                    bootstrap,
                    KafkaClients.settings(Map.of(
                            "LIVEMOD_KAFKA_SECURITY_PROTOCOL",
                            "SASL_SSL",
                            "LIVEMOD_KAFKA_CA",
                            certs.ca().toString(),
                            "LIVEMOD_KAFKA_SASL_MECHANISM",
                            "PLAIN",
                            "LIVEMOD_KAFKA_SASL_USERNAME",
                            "livemod",
                            "LIVEMOD_KAFKA_SASL_PASSWORD",
                            "kafka-pw")::get));
            try (Admin admin = Admin.create(
                    KafkaClients.with(bootstrap, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
                TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            }
            try (TestGateway gw = new TestGateway(bootstrap, Clock.systemUTC(), c -> c)) {
                gw.addPlatform("sasl-p", "sec");
                assertThat(post(HttpClient.newHttpClient(), gw.url(""), "sasl-p", "sec", COMMENT)
                                .statusCode())
                        .isEqualTo(202);
            }
            // The wrong password is refused by the broker.
            Map<String, Object> wrong = KafkaClients.settings(Map.of(
                    "LIVEMOD_KAFKA_SECURITY_PROTOCOL",
                    "SASL_SSL",
                    "LIVEMOD_KAFKA_CA",
                    certs.ca().toString(),
                    "LIVEMOD_KAFKA_SASL_MECHANISM",
                    "PLAIN",
                    "LIVEMOD_KAFKA_SASL_USERNAME",
                    "livemod",
                    "LIVEMOD_KAFKA_SASL_PASSWORD",
                    "nope")::get);
            Map<String, Object> config = new java.util.HashMap<>(wrong);
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(config)) {
                assertThatThrownBy(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS))
                        .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void refusedKafkaSecuritySettingsNameTheirVariable() {
        assertThatThrownBy(() -> KafkaClients.settings(Map.of("LIVEMOD_KAFKA_SECURITY_PROTOCOL", "SSLv3")::get))
                .hasMessageStartingWith("LIVEMOD_KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> KafkaClients.settings(Map.of("LIVEMOD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")::get))
                .hasMessageContaining("LIVEMOD_KAFKA_SASL_USERNAME");
        assertThatThrownBy(() -> KafkaClients.settings(
                        Map.of("LIVEMOD_KAFKA_SECURITY_PROTOCOL", "SSL", "LIVEMOD_KAFKA_CA", "/nonexistent.pem")::get))
                .hasMessageStartingWith("LIVEMOD_KAFKA_CA");
        assertThat(KafkaClients.settings(Map.<String, String>of()::get)).isEmpty();
    }
}

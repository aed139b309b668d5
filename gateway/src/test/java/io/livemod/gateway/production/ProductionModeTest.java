package io.livemod.gateway.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.PlatformRecord;
import io.livemod.event.Topics;
import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Jwts;
import io.livemod.gateway.ministry.TestStack;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.platform.SecretSeal;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway as it runs in production: not dev mode, keys from a local identity provider's JWKS,
 * platform secrets sealed with its own key, no demo platforms. The demo credentials (dev-key tokens,
 * demo platform secrets) are refused, and the dev token route does not exist.
 */
class ProductionModeTest {
    static final Map<String, String> ENV = Map.of(
            "LIVEMOD_SECRETS_KEY", "production-test-secrets-key-0123456789abcdef",
            "LIVEMOD_PSEUDONYM_KEY", "production-test-pseudonym-key-0123456789abcdef");
    static Vertx vertx;
    static KeyPair issuerKeys;
    static Gateway gw;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        issuerKeys = g.generateKeyPair();
        JsonObject jwks = new JsonObject()
                .put("keys", new JsonArray().add(Jwts.jwk((RSAPublicKey) issuerKeys.getPublic(), "k1")));
        HttpServer issuer = vertx.createHttpServer()
                .requestHandler(req -> req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(jwks.encode()))
                .listen(0, "127.0.0.1")
                .await();
        GatewayConfig config = GatewayConfig.defaults(TestBroker.bootstrap())
                .withEnv(Map.of(
                        "LIVEMOD_HTTP_HOST",
                        "127.0.0.1",
                        "LIVEMOD_HTTP_PORT",
                        "0",
                        "LIVEMOD_JWKS_URL",
                        "http://127.0.0.1:" + issuer.actualPort() + "/jwks")::get);
        assertThat(config.devMode()).isFalse();
        gw = new Gateway(
                        vertx,
                        config,
                        new Platforms(false),
                        Clock.systemUTC(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withEnvironment(ENV::get);
        gw.start().await();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(gw::ready);
        base = "http://127.0.0.1:" + gw.port();
    }

    @AfterAll
    static void stop() {
        gw.close();
        vertx.close().await();
    }

    static String token(String role, String platform) {
        return Jwts.rs256(
                issuerKeys.getPrivate(), "k1", Jwts.claims(role, platform, System.currentTimeMillis() / 1000));
    }

    static HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        return TestGateway.send(b.build());
    }

    static HttpResponse<String> ingest(String platform, String secret, String id) {
        byte[] body = ("[{\"id\":\"" + id
                        + "\",\"streamId\":\"l\",\"userId\":\"u\",\"text\":\"xin chào\",\"ts\":\"2026-11-28T20:00:00Z\"}]")
                .getBytes(StandardCharsets.UTF_8);
        return TestGateway.send(Signer.sign(
                        HttpRequest.newBuilder(URI.create(base + "/v1/ingest/comments")),
                        Clock.systemUTC(),
                        platform,
                        secret,
                        "POST",
                        "/v1/ingest/comments",
                        body)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    @Test
    void aPlatformCreatedWithARealAdminTokenIngestsAndItsSecretsAreSealedOnTheTopic() {
        String id = "prod-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = call(
                "POST",
                "/v1/platforms",
                token("admin", null),
                new JsonObject().put("id", id).encode());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject p = new JsonObject(created.body());
        assertThat(p.getString("secret")).startsWith("lmps_");
        assertThat(p.getString("webhookSecret")).startsWith("whsec_");

        assertThat(ingest(id, p.getString("secret"), "c1").statusCode()).isEqualTo(202);
        assertThat(call("GET", "/v1/flags", token("moderator", id), null).statusCode())
                .isEqualTo(200);

        List<PlatformRecord> onTopic = TestBroker.readAll(Topics.PLATFORMS).stream()
                .map(ConsumerRecord::value)
                .filter(r -> r != null && id.equals(r.id()))
                .toList();
        assertThat(onTopic).isNotEmpty().allSatisfy(r -> {
            assertThat(r.secrets()).allSatisfy(s -> assertThat(s.value()).startsWith("sealed:v1:"));
            assertThat(r.webhookSecrets()).allSatisfy(s -> assertThat(s.value()).startsWith("sealed:v1:"));
        });
    }

    @Test
    void demoCredentialsAndDevRoutesAreRefused() {
        // A token signed with the documented dev key, valid in every other respect.
        String devToken =
                Jwts.hs256(GatewayConfig.DEV_JWT_KEY, Jwts.claims("admin", null, System.currentTimeMillis() / 1000));
        assertThat(call("GET", "/v1/platforms", devToken, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/dev/token", null, "{\"role\":\"admin\"}").statusCode())
                .isEqualTo(404);
        JsonObject console =
                new JsonObject(call("GET", "/console/config.json", null, null).body());
        assertThat(console.getBoolean("devMode")).isFalse();
        assertThat(console.containsKey("identities")).isFalse();

        // No demo platform, and one arriving through the topic with a demo secret (sealed with this
        // deployment's own key) is refused; a record after it on the same partition shows it was read.
        assertThat(ingest(Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), "d1")
                        .statusCode())
                .isEqualTo(401);
        SecretSeal seal = SecretSeal.fromEnv(ENV::get, false);
        String marker = "after-demo-" + Long.toString(System.nanoTime(), 36);
        TestStack.publish(
                Topics.PLATFORMS,
                Platforms.DEMO_GAPO,
                seal.seal(new PlatformRecord(
                        Platforms.DEMO_GAPO,
                        "demo",
                        List.of(new PlatformRecord.Secret(Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), null)),
                        null,
                        null,
                        null,
                        1,
                        System.currentTimeMillis())));
        TestStack.publish(
                Topics.PLATFORMS,
                marker,
                seal.seal(new PlatformRecord(
                        marker,
                        marker,
                        List.of(new PlatformRecord.Secret("lmps_marker-secret", null)),
                        null,
                        null,
                        null,
                        1,
                        System.currentTimeMillis())));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> ingest(marker, "lmps_marker-secret", "m1").statusCode() == 202);
        assertThat(ingest(Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), "d2")
                        .statusCode())
                .isEqualTo(401);
    }
}

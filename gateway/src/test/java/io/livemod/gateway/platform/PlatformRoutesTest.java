package io.livemod.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.AuditEntry;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's platform routes: create, list, rotate with a grace period, audited, shared through Kafka. */
class PlatformRoutesTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    static TestGateway gw;
    final String id = "vtv-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        gw = new TestGateway(CLOCK);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static HttpResponse<String> admin(String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestGateway.send(b.header("Content-Type", "application/json").build());
    }

    static HttpResponse<String> admin(String method, String path, String body) {
        return admin(method, path, body, gw.adminToken());
    }

    int ingest(String secret) {
        String c = "[{\"id\":\"" + UUID.randomUUID()
                + "\",\"streamId\":\"l\",\"userId\":\"u\",\"text\":\"t\",\"ts\":\"2026-11-28T20:00:00Z\"}]";
        return gw.post("/v1/ingest/comments", id, secret, c).statusCode();
    }

    @Test
    void aCreatedPlatformGetsItsSecretOnceAndCanIngest() {
        HttpResponse<String> created = admin(
                "POST",
                "/v1/platforms",
                "{\"id\":\"" + id
                        + "\",\"name\":\"VTV Go\",\"webhookUrl\":\"https://vtv.example/hooks\",\"quota\":{\"eventsPerSecond\":500,\"burst\":1000}}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = new JsonObject(created.body());
        String secret = body.getString("secret");
        assertThat(secret).startsWith("lmps_").hasSizeGreaterThan(40);
        assertThat(body.getJsonObject("quota").getLong("eventsPerSecond")).isEqualTo(500);
        assertThat(ingest(secret)).isEqualTo(202);

        HttpResponse<String> list = admin("GET", "/v1/platforms", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).doesNotContain(secret);
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> updated =
                admin("POST", "/v1/platforms", "{\"id\":\"" + id + "\",\"webhookUrl\":\"https://vtv.example/v2\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(updated.body()).containsKey("secret")).isFalse();
        assertThat(new JsonObject(updated.body()).getString("name")).isEqualTo("VTV Go");
        assertThat(ingest(secret)).as("an update keeps the secret").isEqualTo(202);
    }

    @Test
    void afterARotationBothSecretsVerifyUntilTheGracePeriodEnds() {
        String old = new JsonObject(admin("POST", "/v1/platforms", "{\"id\":\"" + id + "\"}")
                        .body())
                .getString("secret");

        HttpResponse<String> rotated =
                admin("POST", "/v1/platforms/" + id + "/rotate-secret", "{\"graceSeconds\":3600}");

        assertThat(rotated.statusCode()).isEqualTo(200);
        String fresh = new JsonObject(rotated.body()).getString("secret");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(new JsonObject(rotated.body()).getLong("previousValidUntil")).isEqualTo(CLOCK.millis() + 3_600_000);
        assertThat(ingest(old)).isEqualTo(202);
        assertThat(ingest(fresh)).isEqualTo(202);
        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(ingest(old)).isEqualTo(401);
        assertThat(ingest(fresh)).isEqualTo(202);

        List<AuditEntry> audit = TestBroker.readAll(Topics.AUDIT).stream()
                .map(ConsumerRecord::value)
                .filter(a -> a.target().equals("platform/" + id))
                .toList();
        assertThat(audit).extracting(AuditEntry::action).containsExactly("platform.created", "platform.secret_rotated");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.actor()).isEqualTo("ops-alice");
            assertThat(a.detail()).doesNotContain(old).doesNotContain(fresh);
        });
    }

    @Test
    void anotherGatewaySeesPlatformsThroughTheTopic() {
        String secret = new JsonObject(admin("POST", "/v1/platforms", "{\"id\":\"" + id + "\"}")
                        .body())
                .getString("secret");

        try (TestGateway other = new TestGateway(CLOCK)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> other.platforms.get(id).isPresent());
            assertThat(other.platforms.get(id).orElseThrow().validSecrets(CLOCK.millis()))
                    .containsExactly(secret);
        }
        // What the topic holds is sealed: reading it gives nobody the platform's signing secret.
        List<io.livemod.event.PlatformRecord> onTopic = TestBroker.readAll(Topics.PLATFORMS).stream()
                .map(ConsumerRecord::value)
                .filter(r -> r != null && r.id().equals(id))
                .toList();
        assertThat(onTopic).isNotEmpty().allSatisfy(r -> assertThat(r.secrets())
                .allSatisfy(s -> assertThat(s.value()).startsWith("sealed:v1:").doesNotContain(secret)));
    }

    @Test
    void onlyAdminsManagePlatformsAndBadFieldsAreNamed() {
        String moderator = gw.gateway.auth().devToken("mod", Principal.Role.MODERATOR, Platforms.DEMO_GAPO, 60);
        assertThat(admin("GET", "/v1/platforms", null, null).statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/v1/platforms", null, moderator).statusCode()).isEqualTo(403);
        assertThat(admin("POST", "/v1/platforms/" + Platforms.DEMO_GAPO + "/rotate-secret", "{}", moderator)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> badId = admin("POST", "/v1/platforms", "{\"id\":\"Not Valid!\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badId.body()).getString("field")).isEqualTo("$.id");
        HttpResponse<String> badQuota =
                admin("POST", "/v1/platforms", "{\"id\":\"" + id + "\",\"quota\":{\"eventsPerSecond\":0,\"burst\":5}}");
        assertThat(new JsonObject(badQuota.body()).getString("field")).isEqualTo("$.quota.eventsPerSecond");
        HttpResponse<String> badUrl =
                admin("POST", "/v1/platforms", "{\"id\":\"" + id + "\",\"webhookUrl\":\"ftp://x\"}");
        assertThat(new JsonObject(badUrl.body()).getString("field")).isEqualTo("$.webhookUrl");
        assertThat(admin("POST", "/v1/platforms/nobody/rotate-secret", "{}").statusCode())
                .isEqualTo(404);
        assertThat(gw.platforms.get(id)).isEmpty();
    }
}

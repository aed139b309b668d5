package io.livemod.gateway.review;

import static io.livemod.gateway.platform.Platforms.DEMO_GAPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Decision;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.ReviewStack;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision is answered 2xx only once Kafka has it: with the broker down the moderator gets 503,
 * keeps the claim, and no decision appears later; once Kafka is back the same moderator decides.
 */
class KafkaDownDecisionTest {
    @TempDir
    Path dir;

    @Test
    void noBrokerMeans503AndTheClaimIsKeptThenTheDecisionGoesThroughOnce() {
        MutableClock clock = new MutableClock(Instant.now());
        EmbeddedBroker broker = ReviewStack.broker(dir);
        int port =
                Integer.parseInt(broker.bootstrap().substring(broker.bootstrap().lastIndexOf(':') + 1));
        try (ReviewStack.Running gw = ReviewStack.gateway(broker.bootstrap(), null, Platforms.dev(), clock)) {
            ReviewStack.produceFlags(
                    broker.bootstrap(), ReviewStack.flag("k-1", DEMO_GAPO, "live-1", "high", clock.millis()));
            String alice = gw.token("alice", Role.MODERATOR, DEMO_GAPO);
            await().until(() -> gw.http().get("/v1/flags/k-1", alice).statusCode() == 200);
            assertThat(gw.http().post("/v1/flags/k-1/claim", alice, null).statusCode())
                    .isEqualTo(200);

            broker.close();
            HttpResponse<String> down = gw.http().post("/v1/flags/k-1/decision", alice, "{\"action\":\"ban\"}");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            JsonObject view =
                    new JsonObject(gw.http().get("/v1/flags/k-1", alice).body());
            assertThat(view.getString("status")).isEqualTo("claimed");
            assertThat(view.getJsonObject("claim").getString("moderator")).isEqualTo("alice");
            assertThat(gw.http()
                            .post("/v1/flags/k-1/claim", gw.token("bob", Role.MODERATOR, DEMO_GAPO), null)
                            .statusCode())
                    .as("the claim is still alice's")
                    .isEqualTo(409);

            broker = EmbeddedBroker.start(dir, port);
            EmbeddedBroker restarted = broker;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> gw.http()
                                    .post("/v1/flags/k-1/decision", alice, "{\"action\":\"remove\"}")
                                    .statusCode()
                            == 201);

            List<Decision> onTopic = new CopyOnWriteArrayList<>();
            try (TopicFollower<String, Decision> f = new TopicFollower<>(
                            restarted.bootstrap(), Topics.DECISIONS, (r, live) -> onTopic.add(r.value()))
                    .start()) {
                await().until(() -> f.isCaughtUp());
                assertThat(onTopic)
                        .extracting(Decision::flagId, Decision::action)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("k-1", Decision.Action.REMOVE));
            }
        } finally {
            broker.close();
        }
    }
}

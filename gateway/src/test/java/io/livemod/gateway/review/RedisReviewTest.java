package io.livemod.gateway.review;

import static io.livemod.gateway.platform.Platforms.DEMO_GAPO;
import static io.livemod.gateway.platform.Platforms.DEMO_VNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.devstack.RedisServer;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.Http;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.ReviewStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one redis-server and one broker: a claim race across both has one winner, a
 * claim or decision on one is seen by the other, and the queue is the same after both restart,
 * on the same Redis and on an empty one (rebuilt from Kafka).
 */
class RedisReviewTest {
    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static RedisServer redis;

    @SuppressWarnings(
            "TimeInStaticInitializer") // one start for the whole class, near real time: the broker sees these stamps
    static final MutableClock clock = new MutableClock(Instant.now());

    @BeforeAll
    static void start() {
        broker = ReviewStack.broker(dir);
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) redis.close();
        if (broker != null) broker.close();
    }

    static ReviewStack.Running gateway(RedisServer on) {
        return ReviewStack.gateway(broker.bootstrap(), on.uri(), Platforms.dev(), clock);
    }

    @Test
    void twoGatewaysShareClaimsAndDecisionsAndTheQueueSurvivesRestarts() throws Exception {
        ReviewStack.produceFlags(
                broker.bootstrap(),
                ReviewStack.flag("r-1", DEMO_GAPO, "live-9", "critical", clock.millis()),
                ReviewStack.flag("r-2", DEMO_GAPO, "live-9", "high", clock.millis()),
                ReviewStack.flag("r-3", DEMO_VNG, "live-7", "low", clock.millis()));
        List<JsonArray> before;
        try (ReviewStack.Running a = gateway(redis);
                ReviewStack.Running b = gateway(redis)) {
            String onA = a.token("alice", Role.MODERATOR, DEMO_GAPO);
            await().until(() -> a.http().get("/v1/flags/r-1", onA).statusCode() == 200
                    && a.http().get("/v1/flags/r-2", onA).statusCode() == 200);

            String onB = b.token("bob", Role.MODERATOR, DEMO_GAPO);
            Http.Sse live = b.http().sse("/v1/flags/live", onB);
            await().until(() -> live.opened);

            // Claim race: 24 moderators, half on each gateway, one flag.
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ReviewStack.Running g = i % 2 == 0 ? a : b;
                String token = g.token("mod-" + i, Role.MODERATOR, DEMO_GAPO);
                codes.add(pool.submit(
                        () -> g.http().post("/v1/flags/r-1/claim", token, null).statusCode()));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : codes) got.add(f.get());
            pool.shutdownNow();
            assertThat(got).containsOnly(200, 409).filteredOn(c -> c == 200).hasSize(1);

            // Whichever gateway took the claim, B's feed shows it: claims travel through Redis pub/sub.
            await().until(() -> live.data.stream()
                    .map(JsonObject::new)
                    .anyMatch(o -> o.getString("flagId").equals("r-1")
                            && o.getString("status").equals("claimed")));

            // A decision taken on A is refused on B at once (not only once B's projection caught up) and streams to B.
            try (live) {
                assertThat(a.http()
                                .post("/v1/flags/r-2/decision", onA, "{\"action\":\"remove\"}")
                                .statusCode())
                        .isEqualTo(201);
                assertThat(b.http()
                                .post("/v1/flags/r-2/decision", onB, "{\"action\":\"dismiss\"}")
                                .statusCode())
                        .isEqualTo(409);
                await().until(() -> live.data.stream()
                        .map(JsonObject::new)
                        .anyMatch(o -> o.getString("flagId").equals("r-2")
                                && o.getString("status").equals("decided")));
            }
            assertThat(new JsonObject(b.http()
                                    .get("/v1/flags/r-1", b.token("vng", Role.MODERATOR, DEMO_VNG))
                                    .body())
                            .getString("error"))
                    .isEqualTo("not_found");
            before = snapshot(a);
            assertThat(snapshot(b)).isEqualTo(before);
        }

        try (ReviewStack.Running again = gateway(redis)) {
            assertThat(snapshot(again))
                    .as("same Redis after a restart, claims included")
                    .isEqualTo(before);
        }
        try (RedisServer empty = RedisServer.start();
                ReviewStack.Running rebuilt = gateway(empty)) {
            assertThat(withoutClaims(snapshot(rebuilt)))
                    .as("an empty Redis is rebuilt from Kafka")
                    .isEqualTo(withoutClaims(before));
            assertThat(snapshot(rebuilt).get(0).stream().map(o -> ((JsonObject) o).getString("status")))
                    .contains("decided");
        }
    }

    static List<JsonArray> snapshot(ReviewStack.Running g) {
        List<JsonArray> out = new ArrayList<>();
        for (String p : List.of(DEMO_GAPO, DEMO_VNG)) {
            out.add(new JsonObject(g.http()
                            .get("/v1/flags?limit=500", g.token("m", Role.MODERATOR, p))
                            .body())
                    .getJsonArray("items"));
        }
        return out;
    }

    static List<JsonArray> withoutClaims(List<JsonArray> queues) {
        List<JsonArray> out = new ArrayList<>();
        for (JsonArray q : queues) {
            JsonArray copy = q.copy();
            copy.forEach(o -> {
                if (((JsonObject) o).remove("claim") != null) ((JsonObject) o).put("status", "open");
            });
            out.add(copy);
        }
        return out;
    }
}

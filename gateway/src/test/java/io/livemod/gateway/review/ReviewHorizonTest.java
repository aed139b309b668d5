package io.livemod.gateway.review;

import static io.livemod.gateway.platform.Platforms.DEMO_GAPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.ReviewStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue keeps its horizon: the boot replay starts there, and a sweep drops what ages out of it. */
class ReviewHorizonTest {
    @TempDir
    Path dir;

    @Test
    void aBootReplaysOnlyTheHorizonOfTheFlagsTopic() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        long now = clock.millis();
        long tenDaysAgo = now - Duration.ofDays(10).toMillis();
        try (EmbeddedBroker broker = ReviewStack.broker(dir)) {
            Flag ancient = ReviewStack.flag("h-ancient", DEMO_GAPO, "live-1", "critical", tenDaysAgo);
            Flag recent = ReviewStack.flag("h-recent", DEMO_GAPO, "live-1", "low", now);
            // Stamped as the topology stamps them: with the comment's receive time.
            try (var p = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrap(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    Topics.FLAGS.key().serializer(),
                    Topics.FLAGS.value().serializer())) {
                p.send(new ProducerRecord<>(Topics.FLAGS.name(), 0, ancient.receivedAt(), ancient.flagId(), ancient))
                        .get();
                p.send(new ProducerRecord<>(Topics.FLAGS.name(), 0, recent.receivedAt(), recent.flagId(), recent))
                        .get();
                p.flush();
            }
            Decision old = Decision.builder("d-ancient", Decision.Action.REMOVE)
                    .flag(ancient)
                    .platform(DEMO_GAPO)
                    .streamId("live-1")
                    .moderator("mod")
                    .decidedAt(tenDaysAgo + 1000)
                    .build();
            ReviewStack.produce(broker.bootstrap(), Topics.DECISIONS, java.util.List.of(Map.entry(old.flagId(), old)));

            try (ReviewStack.Running gw = ReviewStack.gateway(broker.bootstrap(), null, Platforms.dev(), clock)) {
                String token = gw.token("mai", Role.MODERATOR, DEMO_GAPO);
                JsonObject page =
                        new JsonObject(gw.http().get("/v1/flags", token).body());
                assertThat(page.getJsonArray("items").stream()
                                .map(o -> ((JsonObject) o).getString("flagId"))
                                .toList())
                        .containsExactly("h-recent");
                assertThat(gw.http().get("/v1/flags/h-ancient", token).statusCode())
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void aSweepDropsWhatAgedOutAndCountsIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        MemoryFlagStore store = new MemoryFlagStore(clock);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ReviewHorizon horizon = new ReviewHorizon(
                store, ReviewSettings.defaults().withHorizon(Duration.ofDays(2), 1000), clock, metrics);
        assertThat(horizon.replayFrom())
                .isEqualTo(clock.millis() - Duration.ofDays(3).toMillis());
        for (int i = 0; i < 12_000; i++)
            store.put(ReviewStack.flag("s-" + i, DEMO_GAPO, "live-1", "low", clock.millis() + i));
        store.put(ReviewStack.flag(
                "s-late",
                DEMO_GAPO,
                "live-1",
                "low",
                clock.millis() + Duration.ofDays(1).toMillis()));

        assertThat(horizon.sweep()).as("nothing is two days old yet").isZero();
        clock.advance(Duration.ofDays(2).plusHours(1));
        assertThat(horizon.sweep()).as("more than one batch").isEqualTo(12_000);
        assertThat(store.size()).isEqualTo(1);
        assertThat(metrics.get("livemod_review_forgotten")
                        .tag("reason", "horizon")
                        .counter()
                        .count())
                .isEqualTo(12_000);
    }
}

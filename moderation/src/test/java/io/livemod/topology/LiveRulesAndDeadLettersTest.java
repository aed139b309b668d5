package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.ClaimRecord;
import io.livemod.event.Comment;
import io.livemod.event.DeadLetter;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded broker: rules published on the compacted topic apply live; poison records go to the dead-letter topic. */
class LiveRulesAndDeadLettersTest {
    static final String V1 = """
            version: "live-1"
            rules:
              - id: gambling
                kind: keyword
                category: gambling_ads
                severity: high
                match: phrase
                terms: ["nhà cái"]
            """;
    static final String V2 = V1.replace("live-1", "live-2").replace("[\"nhà cái\"]", "[\"nhà cái\", \"xóc đĩa\"]");

    @TempDir
    static Path dir;

    static BrokerFixture kafka;
    static KafkaProducer<String, Comment> comments;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new BrokerFixture(dir.resolve("broker"));
        comments = kafka.producer(
                Topics.COMMENTS.key().serializer(), Topics.COMMENTS.value().serializer());
    }

    @AfterAll
    static void stopBroker() {
        if (comments != null) comments.close();
        if (kafka != null) kafka.close();
    }

    ModerationApp app(String id) throws InterruptedException {
        ModerationConfig config = ModerationConfig.defaults(kafka.bootstrap(), dir.resolve(id))
                .withApplicationId(id)
                .withThreads(1)
                .withSessionTimeout(Duration.ofSeconds(6));
        ModerationApp app = new ModerationApp(config, Clock.systemUTC()).start(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(app::running);
        return app;
    }

    static void send(String stream, String id, String text) throws Exception {
        Comment c = Comment.builder("demo-gapo", id)
                .streamId(stream)
                .userId("u-1")
                .text(text)
                .ts("2026-11-28T19:00:00+07:00")
                .receivedAt(System.currentTimeMillis())
                .build();
        comments.send(new ProducerRecord<>(Topics.COMMENTS.name(), c.key(), c)).get();
    }

    static Optional<Flag> flagOf(String commentId) {
        return kafka.readAll(Topics.FLAGS).stream()
                .map(ConsumerRecord::value)
                .filter(f -> commentId.equals(f.commentId()) && f.kind() == Flag.Kind.KEYWORD)
                .findFirst();
    }

    @Test
    void aNewRuleSetVersionAppliesWithinSecondsWithoutARestartAndFlagsNameIt() throws Exception {
        kafka.publishRules("live-1", V1, 1_000L);
        try (ModerationApp app = app("reload-test")) {
            assertThat(app.rules().current().version()).isEqualTo("live-1");
            send("reload", "r-dice-1", "xóc đĩa online đây"); // same key, so processed before the next one
            send("reload", "r-house-1", "vào nhà cái đi");
            Flag first = await().atMost(Duration.ofSeconds(20))
                    .until(() -> flagOf("r-house-1"), Optional::isPresent)
                    .orElseThrow();
            assertThat(first.rulesVersion()).isEqualTo("live-1");
            assertThat(flagOf("r-dice-1")).as("not a term of live-1").isEmpty();

            long published = System.nanoTime();
            kafka.publishRules("live-2", V2, 2_000L);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> app.rules().current().version().equals("live-2"));
            send("reload", "r-dice-2", "xóc đĩa online đây");
            Flag second = await().atMost(Duration.ofSeconds(10))
                    .until(() -> flagOf("r-dice-2"), Optional::isPresent)
                    .orElseThrow();
            assertThat(second.rulesVersion()).isEqualTo("live-2");
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(15));

            // A version that cannot be used is refused; the one before stays active.
            kafka.publishRules("live-3", "::: not a rule set", 3_000L);
            send("reload", "r-dice-3", "xóc đĩa nữa");
            Flag third = await().atMost(Duration.ofSeconds(10))
                    .until(() -> flagOf("r-dice-3"), Optional::isPresent)
                    .orElseThrow();
            assertThat(third.rulesVersion()).isEqualTo("live-2");
            assertThat(app.running()).isTrue();
        }
    }

    /**
     * Issue 20 on a real broker: a claim already on the compacted claims topic is restored into the
     * global store at start, without the store's update processor (so nothing announces it), and
     * the first comment's index build finds it; the same again after a restart on the same state.
     */
    @Test
    @SuppressWarnings("try") // each app only has to run, then stop, around its assertions
    void registeredClaimsAreMatchedAndSurviveARestart() throws Exception {
        ClaimRecord claim = ClaimRecord.builder("c-live", 1)
                .text("Ngân hàng Sài Gòn Thương Tín sắp phá sản, người gửi tiền sẽ mất trắng")
                .source("Trung tâm xử lý tin giả")
                .verdict("Sai sự thật")
                .date("2026-11-20")
                .category("bank")
                .severity(io.livemod.rules.Severity.HIGH)
                .origin(ClaimRecord.Origin.OFFICER)
                .createdBy("officer-1")
                .createdAt(1_000L)
                .build();
        try (KafkaProducer<String, ClaimRecord> p = kafka.producer(
                Topics.CLAIMS.key().serializer(), Topics.CLAIMS.value().serializer())) {
            p.send(new ProducerRecord<>(Topics.CLAIMS.name(), claim.id(), claim))
                    .get();
        }
        for (String id : List.of("claim-1", "claim-2")) {
            try (ModerationApp app = app("claims-test")) {
                send("claims", id, "nghe tin ngan hang sai gon thuong tin pha san, gui tien la mat trang " + id);
                Flag f = await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> kafka.readAll(Topics.FLAGS).stream()
                                        .map(ConsumerRecord::value)
                                        .filter(x -> id.equals(x.commentId()) && x.kind() == Flag.Kind.FALSE_CLAIM)
                                        .findFirst(),
                                Optional::isPresent)
                        .orElseThrow();
                assertThat(f.claimId()).isEqualTo("c-live");
            }
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicCountedAndProcessingGoesOn() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (ModerationApp app = app("poison-test");
                KafkaProducer<String, byte[]> raw = kafka.producer(new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                            Topics.COMMENTS.name(), "poison-1", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
            raw.send(new ProducerRecord<>(
                            Topics.COMMENTS.name(), "poison-2", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe}))
                    .get();
            raw.send(new ProducerRecord<>(
                            Topics.COMMENTS.name(),
                            "poison-3",
                            "{\"platform\":\"demo-gapo\",\"id\":\"x\",\"userId\":\"u\",\"text\":\"nhà cái\",\"receivedAt\":5}"
                                    .getBytes(StandardCharsets.UTF_8)))
                    .get();
            raw.send(new ProducerRecord<>(
                            Topics.STREAM_EVENTS.name(), "poison-4", "[1,2".getBytes(StandardCharsets.UTF_8)))
                    .get();
            raw.send(new ProducerRecord<>(
                            Topics.DECISIONS.name(), "poison-5", "\"just a string\"".getBytes(StandardCharsets.UTF_8)))
                    .get();
            send("poison", "p-good", "nhà cái uy tín");

            List<DeadLetter> dead = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> kafka.readAll(Topics.DEAD_LETTER).stream()
                                    .filter(r -> r.key() != null && r.key().startsWith("poison-"))
                                    .map(ConsumerRecord::value)
                                    .toList(),
                            l -> l.size() >= 5);
            assertThat(dead).hasSize(5);
            assertThat(dead)
                    .filteredOn(d -> d.stage().equals("deserialization"))
                    .extracting(DeadLetter::sourceTopic)
                    .containsExactlyInAnyOrder(
                            Topics.COMMENTS.name(),
                            Topics.COMMENTS.name(),
                            Topics.STREAM_EVENTS.name(),
                            Topics.DECISIONS.name());
            assertThat(dead)
                    .filteredOn(d -> d.stage().startsWith("processing"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.stage()).isEqualTo("processing:comments-validate");
                        assertThat(d.error()).contains("streamId: required");
                        assertThat(d.value()).contains("\"id\":\"x\"");
                    });
            assertThat(dead)
                    .filteredOn(d -> d.value() != null && d.value().startsWith("base64:"))
                    .hasSize(1);

            await().atMost(Duration.ofSeconds(20)).until(() -> flagOf("p-good").isPresent());
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(registry.counter("livemod_dead_letters", "stage", "deserialization")
                            .count())
                    .isGreaterThanOrEqualTo(4.0);
            assertThat(registry.counter("livemod_dead_letters", "stage", "processing:comments-validate")
                            .count())
                    .isGreaterThanOrEqualTo(1.0);
            // Kafka Streams' own metrics are exported too: the commit cycle bounds a flag's latency.
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> registry.find("kafka.stream.thread.commit.latency.avg").gauges().stream()
                            .anyMatch(g -> g.value() > 0));
            assertThat(registry.find("kafka.stream.thread.commit.total").functionCounters())
                    .isNotEmpty();
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}

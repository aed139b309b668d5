package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Comment;
import io.livemod.event.DeadLetter;
import io.livemod.event.Flag;
import io.livemod.event.InboundTopics;
import io.livemod.event.Topics;
import io.livemod.ingest.InboundAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka-native ingest on a real broker that authenticates with SASL (PLAIN) and authorizes with
 * KRaft's StandardAuthorizer: each platform produces with its own credentials to its own topic and
 * nowhere else; the moderation application turns what it sends into comments and flags under the
 * topic's platform, and bad records into dead letters. The application itself uses the broker's
 * plaintext listener (a super user there); Livemod's SASL principal is checked with the ACLs
 * {@link InboundAccess} grants it, and nothing more.
 */
class KafkaIngestTest {
    static final Map<String, String> USERS = Map.of("acme", "acme-pw", "rival", "rival-pw", "livemod", "livemod-pw");

    @TempDir
    static Path dir;

    static BrokerFixture kafka;
    static ModerationApp app;
    static InboundAccess.Grant acmeGrant;

    @BeforeAll
    static void start() throws Exception {
        kafka = new BrokerFixture(EmbeddedBroker.startWithAcls(dir.resolve("broker"), USERS));
        acmeGrant = InboundAccess.enable(kafka.admin, "acme", "User:acme", "User:livemod", (short) 1);
        InboundAccess.enable(kafka.admin, "rival", "User:rival", "User:livemod", (short) 1);
        BrokerFixture.awaitLeaders(kafka.admin, List.of(InboundTopics.name("acme"), InboundTopics.name("rival")));
        kafka.publishRules("kafka-1", LiveRulesAndDeadLettersTest.V1, 1_000L);
        ModerationConfig config = ModerationConfig.defaults(kafka.bootstrap(), dir.resolve("app"))
                .withApplicationId("kafka-ingest")
                .withThreads(1)
                .withSessionTimeout(Duration.ofSeconds(6));
        app = new ModerationApp(config, Clock.systemUTC()).start(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(app::running);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (kafka != null) kafka.close();
    }

    /** What a platform puts in its producer config (docs/integration.md, "Kafka-native ingest"). */
    static Map<String, Object> platformConfig(String user) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", kafka.broker.saslBootstrap());
        c.put("security.protocol", "SASL_PLAINTEXT");
        c.put("sasl.mechanism", "PLAIN");
        c.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + USERS.get(user) + "\";");
        c.put("acks", "all");
        c.put("enable.idempotence", true);
        c.put("max.block.ms", 15_000);
        return c;
    }

    static KafkaProducer<byte[], byte[]> producer(String user) {
        return new KafkaProducer<>(platformConfig(user), new ByteArraySerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String key, String json) {
        return new ProducerRecord<>(
                topic,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }

    static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && !(t instanceof TopicAuthorizationException)) t = t.getCause();
        return t;
    }

    @Test
    void aPlatformsCommentIsModeratedUnderTheTopicsPlatformWhateverTheRecordSays() throws Exception {
        try (KafkaProducer<byte[], byte[]> acme = producer("acme")) {
            acme.send(record(InboundTopics.name("acme"), "live-1", """
                    {"kind":"comment","platform":"rival","id":"k-1","streamId":"live-1","userId":"u-1","text":"vào nhà cái đi","ts":"2026-11-28T19:00:00+07:00"}""")).get();
        }
        Flag flag = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> kafka.readAll(Topics.FLAGS).stream()
                                .map(ConsumerRecord::value)
                                .filter(f -> "k-1".equals(f.commentId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(flag.platform()).isEqualTo("acme");
        assertThat(flag.category()).isEqualTo("gambling_ads");
        Comment c = kafka.readAll(Topics.COMMENTS).stream()
                .map(ConsumerRecord::value)
                .filter(x -> "k-1".equals(x.id()))
                .findFirst()
                .orElseThrow();
        assertThat(c.platform()).isEqualTo("acme");
        assertThat(c.receivedAt()).isPositive();
    }

    @Test
    void aBadRecordLandsInTheDeadLetterTopicWithTheFieldNamed() throws Exception {
        try (KafkaProducer<byte[], byte[]> acme = producer("acme")) {
            acme.send(record(InboundTopics.name("acme"), null, """
                    {"kind":"comment","id":"k-bad","streamId":"live-1","userId":"u-1","ts":"2026-11-28T19:00:00+07:00"}""")).get();
        }
        DeadLetter dl = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> kafka.readAll(Topics.DEAD_LETTER).stream()
                                .map(ConsumerRecord::value)
                                .filter(d -> d.value() != null && d.value().contains("k-bad"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(dl.sourceTopic()).isEqualTo("livemod.inbound.acme.v1");
        assertThat(dl.error()).isEqualTo("$.text missing_field: text is required");
    }

    @Test
    void aPlatformCannotWriteAnotherPlatformsTopicNorLivemodsOwn() {
        try (KafkaProducer<byte[], byte[]> acme = producer("acme")) {
            Throwable intoRival = catchThrowable(() ->
                    acme.send(record(InboundTopics.name("rival"), "s", "{}")).get());
            assertThat(rootOf(intoRival)).isInstanceOf(TopicAuthorizationException.class);
            Throwable intoComments = catchThrowable(
                    () -> acme.send(record(Topics.COMMENTS.name(), "s", "{}")).get());
            assertThat(rootOf(intoComments)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void livemodReadsTheInboundTopicsAndAPlatformCannotReadEvenItsOwn() {
        TopicPartition p0 = new TopicPartition(InboundTopics.name("acme"), 0);
        Map<String, Object> acmeReads = platformConfig("acme");
        acmeReads.keySet().removeAll(List.of("acks", "enable.idempotence", "max.block.ms"));
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(acmeReads, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.assign(List.of(p0));
            Throwable refused = catchThrowable(() -> c.poll(Duration.ofSeconds(10)));
            assertThat(refused).isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> livemodReads = platformConfig("livemod");
        livemodReads.keySet().removeAll(List.of("acks", "enable.idempotence", "max.block.ms"));
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(livemodReads, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.assign(List.of(p0));
            c.seekToBeginning(List.of(p0));
            assertThat(c.position(p0, Duration.ofSeconds(10))).isZero(); // a refused READ would throw here
        }
    }

    @Test
    void theGrantIsTheTopicsOnlyWriterAndNothingElse() throws Exception {
        assertThat(acmeGrant.topic()).isEqualTo("livemod.inbound.acme.v1");
        assertThat(acmeGrant.topicCreated()).isTrue();
        assertThat(acmeGrant.elsewhere()).isEmpty();
        assertThat(acmeGrant.acls())
                .extracting(b -> b.entry().principal() + " " + b.entry().operation() + " "
                        + b.pattern().patternType())
                .containsExactlyInAnyOrder(
                        "User:acme WRITE LITERAL",
                        "User:acme DESCRIBE LITERAL",
                        "User:livemod READ PREFIXED",
                        "User:livemod DESCRIBE PREFIXED");

        InboundAccess.Grant moved =
                InboundAccess.enable(kafka.admin, "moving", "User:old-svc", "User:livemod", (short) 1);
        assertThat(moved.acls()).anyMatch(b -> b.entry().principal().equals("User:old-svc"));
        moved = InboundAccess.enable(kafka.admin, "moving", "User:new-svc", "User:livemod", (short) 1);
        assertThat(moved.topicCreated()).isFalse();
        assertThat(moved.acls())
                .noneMatch(b -> b.entry().principal().equals("User:old-svc"))
                .filteredOn(b -> b.entry().principal().equals("User:new-svc"))
                .extracting(b -> b.entry().operation())
                .containsExactlyInAnyOrder(AclOperation.WRITE, AclOperation.DESCRIBE);
        assertThat(InboundAccess.disable(kafka.admin, "moving")).isEqualTo(2);
        assertThat(InboundAccess.applying(kafka.admin, InboundTopics.name("moving")))
                .extracting(AclBinding::entry)
                .allMatch(e -> e.principal().equals("User:livemod"));
    }
}

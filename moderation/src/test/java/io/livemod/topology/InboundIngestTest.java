package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.event.Comment;
import io.livemod.event.DeadLetter;
import io.livemod.event.InboundTopics;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topics;
import io.livemod.ingest.EventFields;
import io.livemod.ingest.EventJson;
import io.livemod.ingest.EventKind;
import io.livemod.ingest.Item;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kafka-native ingest sub-topology in a TopologyTestDriver: what comes in on a platform's topic, what goes out. */
class InboundIngestTest {
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Harness h = new Harness();
    final TestInputTopic<byte[], byte[]> acme = inbound("acme");
    final TestOutputTopic<String, Comment> comments = output(Topics.COMMENTS);
    final TestOutputTopic<String, StreamEvent> streamEvents = output(Topics.STREAM_EVENTS);
    final TestOutputTopic<String, DeadLetter> deadLetters = output(Topics.DEAD_LETTER);

    InboundIngestTest() {
        Metrics.addRegistry(meters);
    }

    @AfterEach
    void tearDown() {
        h.close();
        Metrics.removeRegistry(meters);
    }

    TestInputTopic<byte[], byte[]> inbound(String platform) {
        return h.driver.createInputTopic(
                InboundTopics.name(platform), new ByteArraySerializer(), new ByteArraySerializer());
    }

    <V> TestOutputTopic<String, V> output(io.livemod.event.Topic<String, V> t) {
        return h.driver.createOutputTopic(
                t.name(), t.key().deserializer(), t.value().deserializer());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String comment(String id, String text) {
        return """
                {"kind":"comment","id":"%s","streamId":"s1","userId":"u1","text":"%s","ts":"2026-11-28T19:00:00+07:00"}""".formatted(id, text);
    }

    @Test
    void aValidCommentIsWrittenExactlyAsTheGatewayWouldWriteIt() throws Exception {
        String json = comment("c1", "chào cả nhà");
        acme.pipeInput(utf8("s1"), utf8(json));

        var out = h.driver
                .createOutputTopic(Topics.COMMENTS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecord();
        long receivedAt =
                h.clock.millis(); // the driver's records are CreateTime: the read time stands in for the broker's stamp
        Item gateway =
                EventFields.comment("acme", (JsonNode) EventJson.event(utf8(json), 0, utf8(json).length), receivedAt);
        var expected = EventKind.COMMENT.record(((Item.Valid) gateway).event());
        assertThat(out.key()).isEqualTo(expected.key());
        assertThat(out.value()).isEqualTo(expected.value());
        assertThat(out.timestamp()).isEqualTo(receivedAt);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void thePlatformIsTheTopicsNeverTheRecords() {
        acme.pipeInput(utf8("""
                {"kind":"comment","platform":"rival","platformId":"rival","id":"c1","streamId":"s1","userId":"u1","text":"hi","ts":"2026-11-28T19:00:00+07:00"}"""));
        var out = comments.readKeyValue();
        assertThat(out.key).isEqualTo("acme/s1");
        assertThat(out.value.platform()).isEqualTo("acme");
    }

    @Test
    void aStreamEventGoesToTheStreamEventsTopic() {
        acme.pipeInput(utf8("""
                {"kind":"stream-event","id":"e1","streamId":"s9","type":"started","streamerId":"st1","viewers":12,"ts":"2026-11-28T19:00:00+07:00"}"""));
        StreamEvent e = streamEvents.readValue();
        assertThat(e.platform()).isEqualTo("acme");
        assertThat(e.streamId()).isEqualTo("s9");
        assertThat(e.viewers()).isEqualTo(12L);
        assertThat(comments.isEmpty()).isTrue();
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicWithTheFieldNamed() {
        String json = """
                {"kind":"comment","id":"c7","streamId":"s1","userId":"u1","ts":"2026-11-28T19:00:00+07:00"}""";
        acme.pipeInput(utf8("s1"), utf8(json));
        acme.pipeInput(utf8(comment("c8", "x".repeat(EventFields.MAX_TEXT + 1))));

        DeadLetter missing = deadLetters.readValue();
        assertThat(missing.sourceTopic()).isEqualTo("livemod.inbound.acme.v1");
        assertThat(missing.offset()).isZero();
        assertThat(missing.key()).isEqualTo("s1");
        assertThat(missing.value()).isEqualTo(json);
        assertThat(missing.stage()).isEqualTo("inbound-validation");
        assertThat(missing.error()).isEqualTo("$.text missing_field: text is required");
        assertThat(deadLetters.readValue().error()).startsWith("$.text too_long:");
        assertThat(comments.isEmpty()).isTrue();
        assertThat(meters.counter("livemod_inbound_rejected", "platform", "acme", "reason", "missing_field")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("livemod_inbound_rejected", "platform", "acme", "reason", "too_long")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void unreadableRecordsAreRefusedForTheSameReasonsAsOverHttp() {
        acme.pipeInput(utf8("not json"));
        acme.pipeInput(new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
        acme.pipeInput(utf8("[" + comment("c1", "a") + "]"));
        acme.pipeInput(utf8("{\"kind\":\"comment\",\"id\":\"a\",\"id\":\"b\"}"));
        acme.pipeInput(
                utf8(
                        "{\"id\":\"c2\",\"streamId\":\"s1\",\"userId\":\"u1\",\"text\":\"a\",\"ts\":\"2026-11-28T19:00:00+07:00\"}"));
        acme.pipeInput(utf8("s1"), (byte[]) null);

        assertThat(deadLetters.readValuesToList())
                .extracting(DeadLetter::error)
                .satisfiesExactly(
                        e -> assertThat(e).startsWith("$ malformed_json:"),
                        e -> assertThat(e).isEqualTo("$ invalid_utf8: the record is not valid UTF-8"),
                        e -> assertThat(e).isEqualTo("$ invalid_type: each event must be a JSON object"),
                        e -> assertThat(e).startsWith("$ malformed_json:").contains("Duplicate field 'id'"),
                        e -> assertThat(e).isEqualTo("$.kind missing_field: kind is required: comment or stream-event"),
                        e -> assertThat(e).isEqualTo("$ malformed_json: the record has no value"));
        assertThat(comments.isEmpty()).isTrue();
    }

    @Test
    void anIdIsTakenOncePerPlatformAndKindLikeTheGatewaysDedupe() {
        acme.pipeInput(utf8("s1"), utf8(comment("c1", "một")));
        acme.pipeInput(utf8("s1"), utf8(comment("c1", "một")));
        inbound("rival").pipeInput(utf8("s1"), utf8(comment("c1", "một")));
        acme.pipeInput(utf8("""
                {"kind":"stream-event","id":"c1","streamId":"s1","type":"ended","streamerId":"st1","ts":"2026-11-28T19:00:00+07:00"}"""));

        assertThat(comments.readValuesToList()).extracting(Comment::platform).containsExactly("acme", "rival");
        assertThat(streamEvents.readValuesToList()).hasSize(1);
        assertThat(meters.counter("livemod_inbound_duplicates", "platform", "acme")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("livemod_inbound_accepted", "platform", "acme", "kind", "comment")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anIdIsTakenAgainOnceTheDedupeWindowHasPassed() {
        acme.pipeInput(utf8("s1"), utf8(comment("c1", "một")));
        h.advance(InboundValidator.DEDUPE_TTL.plus(Duration.ofSeconds(1)));
        acme.pipeInput(utf8("s1"), utf8(comment("c1", "một")));
        assertThat(comments.readValuesToList()).hasSize(2);
    }

    @Test
    void anAcceptedCommentIsModeratedLikeAnyOther() {
        acme.pipeInput(utf8("s1"), utf8(comment("c1", "vào nhà cái này đi")));
        assertThat(h.flags()).singleElement().satisfies(f -> {
            assertThat(f.platform()).isEqualTo("acme");
            assertThat(f.commentId()).isEqualTo("c1");
            assertThat(f.category()).isEqualTo("gambling_ads");
        });
    }

    @Test
    void theReceiveTimeIsTheBrokersStampNotThePlatformsClock() {
        var extractor = new InboundIngest.ReceiveTimes(h.clock);
        var appended = new ConsumerRecord<Object, Object>(
                "livemod.inbound.acme.v1",
                0,
                0,
                1_234L,
                TimestampType.LOG_APPEND_TIME,
                0,
                0,
                null,
                null,
                new RecordHeaders(),
                Optional.empty());
        var created = new ConsumerRecord<Object, Object>(
                "livemod.inbound.acme.v1",
                0,
                0,
                1_234L,
                TimestampType.CREATE_TIME,
                0,
                0,
                null,
                null,
                new RecordHeaders(),
                Optional.empty());
        assertThat(extractor.extract(appended, 0)).isEqualTo(1_234L);
        assertThat(extractor.extract(created, 0)).isEqualTo(h.clock.millis());
    }

    @Test
    void inboundTopicsAreNamedAfterTheirPlatform() {
        assertThat(InboundTopics.name("acme-live")).isEqualTo("livemod.inbound.acme-live.v1");
        assertThat(InboundTopics.platformOf("livemod.inbound.acme-live.v1")).isEqualTo("acme-live");
        assertThat(InboundTopics.platformOf("livemod.comments.v1")).isNull();
        assertThat(InboundTopics.platformOf("livemod.inbound.Acme.v1")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InboundTopics.name("a.b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform id");
    }
}

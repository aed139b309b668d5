package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModerationTopologyTest {
    static final String RULES = """
            version: "t-1"
            rules:
              - id: gambling
                kind: keyword
                category: gambling_ads
                severity: high
                match: phrase
                terms: ["nhà cái"]
              - id: phone-number
                kind: pattern
                category: spam
                severity: low
                pattern: '(?:\\+?84|\\b0)(?:[ .-]?\\d){9}\\b'
            """;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    TopologyTestDriver driver;
    TestInputTopic<String, Comment> comments;
    TestOutputTopic<String, Flag> flags;

    @BeforeEach
    void setUp() throws RuleSetException {
        ModerationConfig config = ModerationConfig.defaults("unused:9092", Path.of("target/tt-state"));
        RuleBook book = RuleBook.of(RuleSetLoader.parse("test", RULES));
        driver =
                new TopologyTestDriver(ModerationTopology.build(config, book, clock), ModerationApp.properties(config));
        comments = driver.createInputTopic(
                Topics.COMMENTS.name(),
                Topics.COMMENTS.key().serializer(),
                Topics.COMMENTS.value().serializer());
        flags = driver.createOutputTopic(
                Topics.FLAGS.name(),
                Topics.FLAGS.key().deserializer(),
                Topics.FLAGS.value().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    static Comment comment(String id, String text) {
        return Comment.builder("demo-gapo", id)
                .streamId("s1")
                .userId("u1")
                .text(text)
                .ts("2026-11-28T11:59:59Z")
                .receivedAt(1_000L)
                .build();
    }

    @Test
    void aKeywordCommentBecomesAFlagThatExplainsItself() {
        Comment c = comment("c1", "Vào NHÀ CÁI này đi");
        comments.pipeInput(c.key(), c);
        var out = flags.readKeyValuesToList();
        assertThat(out).hasSize(1);
        Flag f = out.get(0).value;
        assertThat(out.get(0).key).isEqualTo(f.flagId());
        assertThat(f.kind()).isEqualTo(Flag.Kind.KEYWORD);
        assertThat(f.category()).isEqualTo("gambling_ads");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.rulesVersion()).isEqualTo("t-1");
        assertThat(f.receivedAt()).isEqualTo(1_000L);
        assertThat(f.detectedAt()).isEqualTo(clock.millis());
        assertThat(f.matches()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo("gambling");
            assertThat(c.text().substring(m.start(), m.end())).isEqualToIgnoringCase("nhà cái");
        });
    }

    @Test
    void aCommentOverTheContractsLengthIsRefusedByName() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        try {
            Comment c = comment("c-long", "nhà cái " + "a".repeat(Validation.MAX_TEXT));
            comments.pipeInput(c.key(), c);
            assertThat(flags.isEmpty()).isTrue();
            assertThat(registry.counter("livemod_dead_letters", "stage", "processing:comments-validate")
                            .count())
                    .isEqualTo(1.0);
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }

    @Test
    void emittedFlagsAreCountedByKind() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        try {
            Comment c = comment("c9", "nhà cái");
            comments.pipeInput(c.key(), c);
            assertThat(registry.counter("livemod_flags", "kind", "keyword").count())
                    .isEqualTo(1.0);
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }

    @Test
    void aKeywordAndAPatternInOneCommentAreTwoFlagsEachExplained() {
        Comment c = comment("c8", "nhà cái uy tín, gọi 0912 345 678 nhé");
        comments.pipeInput(c.key(), c);
        var out = flags.readValuesToList();
        assertThat(out).extracting(Flag::kind).containsExactlyInAnyOrder(Flag.Kind.KEYWORD, Flag.Kind.PATTERN);
        Flag pattern = out.stream()
                .filter(f -> f.kind() == Flag.Kind.PATTERN)
                .findFirst()
                .orElseThrow();
        assertThat(pattern.category()).isEqualTo("spam");
        assertThat(pattern.rulesVersion()).isEqualTo("t-1");
        assertThat(pattern.matches()).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo("phone-number");
            assertThat(c.text().substring(m.start(), m.end())).isEqualTo("0912 345 678");
        });
        assertThat(pattern.flagId())
                .isNotEqualTo(out.stream()
                        .filter(f -> f.kind() == Flag.Kind.KEYWORD)
                        .findFirst()
                        .orElseThrow()
                        .flagId());
    }

    @Test
    void aCleanCommentRaisesNothing() {
        Comment c = comment("c2", "chào cả nhà, hôm nay live bán cá");
        comments.pipeInput(c.key(), c);
        assertThat(flags.isEmpty()).isTrue();
    }

    @Test
    void theSameCommentTwiceKeepsOneFlagId() {
        Comment c = comment("c3", "nhà cái uy tín");
        comments.pipeInput(c.key(), c);
        comments.pipeInput(c.key(), c);
        var out = flags.readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).flagId()).isEqualTo(out.get(1).flagId());
    }

    @Test
    void aPoisonRecordIsCountedAndProcessingGoesOn() {
        // TopologyTestDriver does not forward handler dead-letter records; the broker test checks the topic.
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        var raw = driver.createInputTopic(Topics.COMMENTS.name(), new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("k", "{not json".getBytes(StandardCharsets.UTF_8));
        Comment c = comment("c4", "nhà cái");
        comments.pipeInput(c.key(), c);
        try {
            assertThat(registry.counter("livemod_dead_letters", "stage", "deserialization")
                            .count())
                    .isEqualTo(1.0);
            assertThat(flags.readValuesToList()).extracting(Flag::commentId).containsExactly("c4");
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }

    @Test
    void aStateValueOfAnUnknownFormatVersionIsDeadLetteredAndProcessingGoesOn() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        try {
            String repartition = ModerationConfig.defaults("unused:9092", Path.of("target/tt-state"))
                            .applicationId() + "-campaign-sightings-repartition";
            var raw = driver.createInputTopic(repartition, new StringSerializer(), new ByteArraySerializer());
            byte[] future = Sighting.SERDE
                    .serializer()
                    .serialize(
                            "t",
                            new Sighting(
                                    "h",
                                    "nhà cái",
                                    "gapo",
                                    "live-1",
                                    "c0",
                                    "u0",
                                    clock.millis(),
                                    "t-1",
                                    io.livemod.rules.signal.CopyRisk.Risk.NONE));
            future[1] = 9; // a well-formed body under a version this build does not know
            raw.pipeInput("h", future);
            assertThat(registry.counter("livemod_dead_letters", "stage", "deserialization")
                            .count())
                    .isEqualTo(1.0);
            Comment c = comment("c5", "nhà cái");
            comments.pipeInput(c.key(), c);
            assertThat(flags.readValuesToList()).extracting(Flag::commentId).containsExactly("c5");
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }
}

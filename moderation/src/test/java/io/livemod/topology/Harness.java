package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Comment;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topic;
import io.livemod.event.Topics;
import io.livemod.rules.RateLimits;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The topology in a TopologyTestDriver with a hand-moved clock: {@link #advance} moves the
 * processors' clock and the driver's wall clock together, so wall-clock punctuation fires.
 */
final class Harness implements AutoCloseable {
    static final String RULES = """
            version: "t-1"
            rules:
              - id: gambling
                kind: keyword
                category: gambling_ads
                severity: high
                match: phrase
                terms: ["nhà cái"]
              - id: threats
                kind: keyword
                category: violence
                severity: critical
                match: phrase
                terms: ["giết hết"]
              - id: mild
                kind: keyword
                category: profanity
                severity: low
                match: phrase
                terms: ["dở ẹc"]
              - id: phone
                kind: pattern
                category: spam
                severity: low
                pattern: '(?:\\+?84|\\b0)(?:[ .-]?\\d){9}\\b'
            """;
    static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    final TestClock clock = new TestClock(START);
    final RuleBook book;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Comment> comments;
    final TestInputTopic<String, StreamEvent> streamEvents;
    final TestInputTopic<String, Decision> decisions;
    final TestInputTopic<String, ClaimRecord> claims;
    final TestOutputTopic<String, Flag> flags;
    final TestOutputTopic<String, Alert> alerts;
    private final List<Flag> flagLog = new ArrayList<>();
    private final List<Alert> alertLog = new ArrayList<>();

    Harness() {
        this(TopologySettings.DEFAULTS);
    }

    Harness(TopologySettings settings) {
        this.book = RuleBook.of(rules(RULES));
        ModerationConfig config = ModerationConfig.defaults("unused:9092", Path.of("target/tt-state"))
                .withTopology(settings);
        driver = new TopologyTestDriver(
                ModerationTopology.build(config, book, clock), ModerationApp.properties(config), START);
        comments = input(Topics.COMMENTS);
        streamEvents = input(Topics.STREAM_EVENTS);
        decisions = input(Topics.DECISIONS);
        claims = input(Topics.CLAIMS);
        flags = driver.createOutputTopic(
                Topics.FLAGS.name(),
                Topics.FLAGS.key().deserializer(),
                Topics.FLAGS.value().deserializer());
        alerts = driver.createOutputTopic(
                Topics.ALERTS.name(),
                Topics.ALERTS.key().deserializer(),
                Topics.ALERTS.value().deserializer());
    }

    static RuleSet rules(String yaml) {
        try {
            return RuleSetLoader.parse("test", yaml);
        } catch (RuleSetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Activates the same rules with other rate thresholds. */
    void rates(RateLimits limits) {
        RuleSet current = book.current().ruleSet();
        book.activate(
                io.livemod.rules.CompiledRuleSet.compile(new RuleSet(current.version(), current.rules(), limits)));
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> t) {
        return driver.createInputTopic(t.name(), t.key().serializer(), t.value().serializer());
    }

    void advance(Duration d) {
        clock.advance(d);
        driver.advanceWallClockTime(d);
    }

    /** A comment received {@code offset} after START. */
    static Comment comment(String platform, String stream, String user, String id, String text, Duration offset) {
        return Comment.builder(platform, id)
                .streamId(stream)
                .userId(user)
                .text(text)
                .ts("2026-11-28T19:00:00+07:00")
                .receivedAt(START.plus(offset).toEpochMilli())
                .build();
    }

    void send(Comment c) {
        comments.pipeInput(c.key(), c);
    }

    void send(StreamEvent e) {
        streamEvents.pipeInput(e.key(), e);
    }

    void send(ClaimRecord c) {
        claims.pipeInput(c.id(), c);
    }

    void send(Decision d) {
        decisions.pipeInput(d.key(), d);
    }

    /** Every flag produced so far (the topic is drained into a log). */
    List<Flag> flags() {
        flagLog.addAll(flags.readValuesToList());
        return List.copyOf(flagLog);
    }

    List<Flag> flags(Flag.Kind kind) {
        return flags().stream().filter(f -> f.kind() == kind).toList();
    }

    List<Alert> alerts() {
        alertLog.addAll(alerts.readValuesToList());
        return List.copyOf(alertLog);
    }

    List<Alert> alerts(Alert.Kind kind) {
        return alerts().stream().filter(a -> a.kind() == kind).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}

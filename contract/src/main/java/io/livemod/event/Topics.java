package io.livemod.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Livemod's topics. Partition counts, cleanup and retention are chosen here,
 * on purpose, and listed in docs/architecture.md: Kafka is the source of truth, so retention is how far back
 * projections can be rebuilt and audits can look.
 */
public final class Topics {
    private static final Serde<String> KEY = Serdes.String();

    private Topics() {}

    /**
     * Comments from all platforms, keyed platform/stream: every rule about a stream runs in one task.
     * 12 partitions: up to 12 Streams threads in a cluster ({@link TopicSizing} for one node).
     */
    public static final Topic<String, Comment> COMMENTS =
            new Topic<>("livemod.comments.v1", KEY, JsonSerde.of(Comment.class), 12, deleteAfter(Duration.ofDays(7)));

    /** Stream metadata (started, updated, viewers, ended), keyed platform/stream. */
    public static final Topic<String, StreamEvent> STREAM_EVENTS = new Topic<>(
            "livemod.stream-events.v1", KEY, JsonSerde.of(StreamEvent.class), 6, deleteAfter(Duration.ofDays(7)));

    /** Flags, keyed by flagId. Kept 180 days: the repeat-offender rule looks back 90, audits further. */
    public static final Topic<String, Flag> FLAGS =
            new Topic<>("livemod.flags.v1", KEY, JsonSerde.of(Flag.class), 6, deleteAfter(Duration.ofDays(180)));

    /** Ministry alerts, keyed by alertId; an id is re-emitted as its incident grows, the last record wins. */
    public static final Topic<String, Alert> ALERTS =
            new Topic<>("livemod.alerts.v1", KEY, JsonSerde.of(Alert.class), 3, deleteAfter(Duration.ofDays(180)));

    /** Moderators' decisions, keyed platform/user: the audit trail (kept forever) and the repeat-offender input. */
    public static final Topic<String, Decision> DECISIONS = new Topic<>(
            "livemod.decisions.v1",
            KEY,
            JsonSerde.of(Decision.class),
            6,
            Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    /** Who changed what and when (rules, platforms, alerts, takedowns), keyed by target; kept forever. */
    public static final Topic<String, AuditEntry> AUDIT = new Topic<>(
            "livemod.audit.v1",
            KEY,
            JsonSerde.of(AuditEntry.class),
            1,
            Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    /** Rule-set versions, keyed by version; compacted and never deleted, so every flag's version stays readable. */
    public static final Topic<String, RuleSetRecord> RULES = new Topic<>(
            "livemod.rules.v1",
            KEY,
            JsonSerde.of(RuleSetRecord.class),
            1,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

    /** Poison records and processing failures, with their origin; 30 days to inspect and replay. */
    public static final Topic<String, DeadLetter> DEAD_LETTER = new Topic<>(
            "livemod.dead-letter.v1", KEY, JsonSerde.of(DeadLetter.class), 1, deleteAfter(Duration.ofDays(30)));

    /** Connected platforms (secrets, webhook URL, quota), keyed by platform id; compacted, the last record wins. */
    public static final Topic<String, PlatformRecord> PLATFORMS = new Topic<>(
            "livemod.platforms.v1",
            KEY,
            JsonSerde.of(PlatformRecord.class),
            1,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

    /** Duty officers' ack/assign/resolve and re-escalations, keyed by alertId; kept as long as the alerts. */
    public static final Topic<String, AlertAction> ALERT_ACTIONS = new Topic<>(
            "livemod.alert-actions.v1", KEY, JsonSerde.of(AlertAction.class), 3, deleteAfter(Duration.ofDays(180)));

    /** Takedown requests and their answers, keyed by takedownId; a legal record, kept forever. */
    public static final Topic<String, TakedownEvent> TAKEDOWNS = new Topic<>(
            "livemod.takedowns.v1",
            KEY,
            JsonSerde.of(TakedownEvent.class),
            3,
            Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    /**
     * The registry of claims judged false, keyed by claim id; compacted and never deleted: the last
     * version of each claim is the registry every moderation instance matches against (a global store).
     */
    public static final Topic<String, ClaimRecord> CLAIMS = new Topic<>(
            "livemod.claims.v1",
            KEY,
            JsonSerde.of(ClaimRecord.class),
            1,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

    public static final List<Topic<?, ?>> ALL = List.of(
            COMMENTS,
            STREAM_EVENTS,
            FLAGS,
            ALERTS,
            DECISIONS,
            AUDIT,
            RULES,
            DEAD_LETTER,
            PLATFORMS,
            ALERT_ACTIONS,
            TAKEDOWNS,
            CLAIMS);

    private static Map<String, String> deleteAfter(Duration retention) {
        return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }
}

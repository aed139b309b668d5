package io.livemod.settings;

import static io.livemod.settings.Role.MODERATION;
import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MILLIS;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.util.List;

/**
 * Topology thresholds that are not part of the rule set: they change with a deployment, not with a
 * rule-set version. Refusals name the field and its variable, e.g.
 * {@code samples (LIVEMOD_INCIDENT_SAMPLES): must be 1..100, got 0}.
 */
public final class ThresholdCatalogue {
    private ThresholdCatalogue() {}

    public static final Setting<Integer> DUPLICATE_MIN_LENGTH =
            field(Setting.integer("duplicateMinLength", "LIVEMOD_DUPLICATE_MIN_LENGTH", 10)
                    .atLeast(1)
                    .doc("shortest text that counts as duplicate or campaign evidence, even with copy risk"));
    public static final Setting<Integer> CAMPAIGN_MIN_LENGTH =
            field(Setting.integer("campaignMinLength", "LIVEMOD_CAMPAIGN_MIN_LENGTH", 24)
                    .boundsDoc("≥ `LIVEMOD_DUPLICATE_MIN_LENGTH`")
                    .doc("shortest text without copy risk that counts as campaign evidence"));
    public static final Setting<Integer> ANOMALY_STREAMS =
            field(Setting.integer("anomalyStreams", "LIVEMOD_ANOMALY_STREAMS", 10)
                    .atLeast(2)
                    .doc("a text without copy risk is a campaign from this many streams in the window…"));
    public static final Setting<Duration> ANOMALY_BURST =
            field(Setting.duration("anomalyBurst", "LIVEMOD_ANOMALY_BURST_SECONDS", SECONDS, 120)
                    .atLeast(1)
                    .doc("…that many of them within this long of each other…"));
    public static final Setting<Double> ANOMALY_FACTOR =
            field(Setting.decimal("anomalyFactor", "LIVEMOD_ANOMALY_FACTOR", 5.0)
                    .atLeast(1)
                    .doc("…and this many times its streams in the window before"));
    public static final Setting<Integer> INCIDENT_MIN_FLAGS =
            field(Setting.integer("incidentMinFlags", "LIVEMOD_INCIDENT_MIN_FLAGS", 5)
                    .atLeast(1)
                    .doc("an incident reaches the ministry at this many flags of medium severity or worse…"));
    public static final Setting<Integer> INCIDENT_MIN_USERS =
            field(Setting.integer("incidentMinUsers", "LIVEMOD_INCIDENT_MIN_USERS", 3)
                    .atLeast(1)
                    .boundsDoc("1..`LIVEMOD_INCIDENT_MIN_FLAGS`")
                    .doc("…from this many distinct users (a critical flag at once)"));
    public static final Setting<Double> VIEWER_JUMP_FACTOR =
            field(Setting.decimal("viewerJumpFactor", "LIVEMOD_VIEWER_JUMP_FACTOR", 5.0)
                    .above(1)
                    .doc("viewer jump: viewers at least this many times the lowest count in the window…"));
    public static final Setting<Long> VIEWER_JUMP_MINIMUM =
            field(Setting.whole("viewerJumpMinimum", "LIVEMOD_VIEWER_JUMP_MINIMUM", 1000)
                    .atLeast(0)
                    .doc("…and at least this many viewers, so 3 → 20 is not a jump…"));
    public static final Setting<Duration> VIEWER_JUMP_WINDOW =
            field(Setting.duration("viewerJumpWindow", "LIVEMOD_VIEWER_JUMP_WINDOW_SECONDS", SECONDS, 300)
                    .atLeast(1)
                    .doc("…within this window"));
    public static final Setting<String> COMMERCIAL_CATEGORY =
            field(Setting.text("commercialCategory", "LIVEMOD_COMMERCIAL_CATEGORY", "scam")
                    .doc("category of a commercial live by an unverified streamer"));
    public static final Setting<Duration> ALERT_INTERVAL =
            field(Setting.duration("alertInterval", "LIVEMOD_ALERT_INTERVAL_MS", MILLIS, 5000)
                    .atLeast(100)
                    .doc("alert tick (grown incidents emitted, idle ones closed)"));
    public static final Setting<Duration> INCIDENT_IDLE =
            field(Setting.duration("incidentIdle", "LIVEMOD_INCIDENT_IDLE_SECONDS", SECONDS, 600)
                    .boundsDoc("≥ the alert tick")
                    .doc("an incident, spike or campaign with no new flag for this long closes"));
    public static final Setting<Integer> SPIKE_BASELINE_MINUTES =
            field(Setting.integer("spikeBaselineMinutes", "LIVEMOD_SPIKE_BASELINE_MINUTES", 10)
                    .range(1, 120)
                    .doc("minutes the stream-spike baseline averages over"));
    public static final Setting<Integer> SAMPLES = field(Setting.integer("samples", "LIVEMOD_INCIDENT_SAMPLES", 5)
            .range(1, 100)
            .doc("sample flags kept per incident"));
    public static final Setting<Integer> MAX_TRACKED_USERS =
            field(Setting.integer("maxTrackedUsers", "LIVEMOD_MAX_TRACKED_USERS", 500)
                    .range(1, 100_000)
                    .doc("distinct users kept per incident or duplicate text (counts go on beyond)"));
    public static final Setting<Duration> NEW_ACCOUNT_AGE =
            field(Setting.duration("newAccountAge", "LIVEMOD_NEW_ACCOUNT_DAYS", DAYS, 7)
                    .range(0, 365)
                    .doc("an account created less than this many days before its comment is new (0: off)"));

    private static <T> Setting<T> field(Setting<T> s) {
        return s.fieldStyle().roles(MODERATION);
    }

    public static final List<Setting<?>> ALL = List.of(
            DUPLICATE_MIN_LENGTH,
            CAMPAIGN_MIN_LENGTH,
            ANOMALY_STREAMS,
            ANOMALY_BURST,
            ANOMALY_FACTOR,
            INCIDENT_MIN_FLAGS,
            INCIDENT_MIN_USERS,
            VIEWER_JUMP_FACTOR,
            VIEWER_JUMP_MINIMUM,
            VIEWER_JUMP_WINDOW,
            COMMERCIAL_CATEGORY,
            ALERT_INTERVAL,
            INCIDENT_IDLE,
            SPIKE_BASELINE_MINUTES,
            SAMPLES,
            MAX_TRACKED_USERS,
            NEW_ACCOUNT_AGE);
}

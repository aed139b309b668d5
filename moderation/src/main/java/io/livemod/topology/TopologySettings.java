package io.livemod.topology;

import static io.livemod.settings.ThresholdCatalogue.*;

import io.livemod.rules.RateLimits;
import io.livemod.settings.Setting;
import java.time.Duration;
import java.util.function.Function;

/**
 * Thresholds and timings of the topology that the rule set's {@link RateLimits} does not carry:
 * stream-metadata rules, incident aggregation, and the bounds that keep per-key state small.
 * They change with a deployment rather than a rule-set version, so they come from the environment or
 * config file ({@link #withEnv}; names, defaults and bounds in {@link io.livemod.settings.ThresholdCatalogue})
 * and are validated at start.
 *
 * @param duplicateMinLength  shorter texts ("hay quá", "❤️") are never duplicate or campaign evidence,
 *                            even risky ones: in a mega-live thousands say them honestly
 * @param campaignMinLength   shorter texts without risk are never campaign evidence: "cho xin link với" is
 *                            said in every shopping live; a message worth coordinating is longer
 * @param viewerJumpFactor    viewers at least this many times the lowest count seen within {@code viewerJumpWindow}
 * @param viewerJumpMinimum   ...and at least this many viewers, so 3 → 20 is not a jump
 * @param commercialCategory  category of "commercial livestream by an unverified streamer" (Decree 147/2024 art. 25)
 * @param alertInterval       wall-clock tick that emits grown incidents and closes idle ones
 * @param incidentIdle        an incident (or spike, or campaign) with no new flag for this long is closed
 * @param spikeBaselineMinutes minutes of history the stream-spike baseline averages over
 * @param samples             flags kept as samples in an incident
 * @param maxTrackedUsers     distinct user ids kept per incident or duplicate text (counts go on beyond it)
 * @param anomalyStreams      a text without risk is a campaign only when said in at least this many streams
 *                            within the campaign window...
 * @param anomalyFactor       ...and at least this many times as many as in the window before (its background)
 * @param incidentMinFlags    an incident reaches the ministry once it holds this many flags...
 * @param incidentMinUsers    ...from this many distinct users, of medium severity or worse; a critical flag at once
 * @param anomalyBurst        ...and those streams said it within this long of each other: a campaign spreads in a burst,
 *                            a popular sentence over the window
 * @param newAccountAge       an account created less than this long before its comment is new: K new accounts
 *                            sending one text (not everyday chat) in a stream within the duplicate window are a burst
 */
public record TopologySettings(
        int duplicateMinLength,
        int campaignMinLength,
        double viewerJumpFactor,
        long viewerJumpMinimum,
        Duration viewerJumpWindow,
        String commercialCategory,
        Duration alertInterval,
        Duration incidentIdle,
        int spikeBaselineMinutes,
        int samples,
        int maxTrackedUsers,
        int anomalyStreams,
        double anomalyFactor,
        int incidentMinFlags,
        int incidentMinUsers,
        Duration anomalyBurst,
        Duration newAccountAge) {

    /** The catalogue's defaults ({@link ThresholdCatalogue}). */
    public static final TopologySettings DEFAULTS = new TopologySettings(
            DUPLICATE_MIN_LENGTH.defaultValue(),
            CAMPAIGN_MIN_LENGTH.defaultValue(),
            VIEWER_JUMP_FACTOR.defaultValue(),
            VIEWER_JUMP_MINIMUM.defaultValue(),
            VIEWER_JUMP_WINDOW.defaultValue(),
            COMMERCIAL_CATEGORY.defaultValue(),
            ALERT_INTERVAL.defaultValue(),
            INCIDENT_IDLE.defaultValue(),
            SPIKE_BASELINE_MINUTES.defaultValue(),
            SAMPLES.defaultValue(),
            MAX_TRACKED_USERS.defaultValue(),
            ANOMALY_STREAMS.defaultValue(),
            ANOMALY_FACTOR.defaultValue(),
            INCIDENT_MIN_FLAGS.defaultValue(),
            INCIDENT_MIN_USERS.defaultValue(),
            ANOMALY_BURST.defaultValue(),
            NEW_ACCOUNT_AGE.defaultValue());

    /** Each setting within its catalogue bounds, then the rules between them; a refusal names the field and its variable. */
    public TopologySettings validate() {
        DUPLICATE_MIN_LENGTH.check(duplicateMinLength);
        cross(campaignMinLength >= duplicateMinLength, CAMPAIGN_MIN_LENGTH, "must be at least duplicateMinLength");
        VIEWER_JUMP_FACTOR.check(viewerJumpFactor);
        VIEWER_JUMP_MINIMUM.check(viewerJumpMinimum);
        VIEWER_JUMP_WINDOW.check(viewerJumpWindow);
        COMMERCIAL_CATEGORY.check(
                commercialCategory == null || commercialCategory.isBlank() ? null : commercialCategory);
        ALERT_INTERVAL.check(alertInterval);
        cross(incidentIdle.compareTo(alertInterval) >= 0, INCIDENT_IDLE, "must be at least alertInterval");
        SPIKE_BASELINE_MINUTES.check(spikeBaselineMinutes);
        SAMPLES.check(samples);
        MAX_TRACKED_USERS.check(maxTrackedUsers);
        ANOMALY_STREAMS.check(anomalyStreams);
        ANOMALY_FACTOR.check(anomalyFactor);
        INCIDENT_MIN_FLAGS.check(incidentMinFlags);
        INCIDENT_MIN_USERS.check(incidentMinUsers);
        cross(incidentMinUsers <= incidentMinFlags, INCIDENT_MIN_USERS, "must be 1..incidentMinFlags");
        ANOMALY_BURST.check(anomalyBurst);
        NEW_ACCOUNT_AGE.check(newAccountAge);
        return this;
    }

    private static void cross(boolean ok, Setting<?> setting, String reason) {
        if (!ok) throw new IllegalArgumentException(setting.label() + ": " + reason);
    }

    /** These settings with every variable of {@link ThresholdCatalogue} that is set taking the place of its value. */
    public TopologySettings withEnv(Function<String, String> env) {
        return new TopologySettings(
                DUPLICATE_MIN_LENGTH.read(env, duplicateMinLength),
                CAMPAIGN_MIN_LENGTH.read(env, campaignMinLength),
                VIEWER_JUMP_FACTOR.read(env, viewerJumpFactor),
                VIEWER_JUMP_MINIMUM.read(env, viewerJumpMinimum),
                VIEWER_JUMP_WINDOW.read(env, viewerJumpWindow),
                COMMERCIAL_CATEGORY.read(env, commercialCategory),
                ALERT_INTERVAL.read(env, alertInterval),
                INCIDENT_IDLE.read(env, incidentIdle),
                SPIKE_BASELINE_MINUTES.read(env, spikeBaselineMinutes),
                SAMPLES.read(env, samples),
                MAX_TRACKED_USERS.read(env, maxTrackedUsers),
                ANOMALY_STREAMS.read(env, anomalyStreams),
                ANOMALY_FACTOR.read(env, anomalyFactor),
                INCIDENT_MIN_FLAGS.read(env, incidentMinFlags),
                INCIDENT_MIN_USERS.read(env, incidentMinUsers),
                ANOMALY_BURST.read(env, anomalyBurst),
                NEW_ACCOUNT_AGE.read(env, newAccountAge));
    }

    public TopologySettings withIncidentIdle(Duration idle) {
        return new TopologySettings(
                duplicateMinLength,
                campaignMinLength,
                viewerJumpFactor,
                viewerJumpMinimum,
                viewerJumpWindow,
                commercialCategory,
                alertInterval,
                idle,
                spikeBaselineMinutes,
                samples,
                maxTrackedUsers,
                anomalyStreams,
                anomalyFactor,
                incidentMinFlags,
                incidentMinUsers,
                anomalyBurst,
                newAccountAge);
    }

    /** These settings with other incident thresholds (tests of the thresholds themselves). */
    public TopologySettings withIncidentThresholds(int minFlags, int minUsers) {
        return new TopologySettings(
                duplicateMinLength,
                campaignMinLength,
                viewerJumpFactor,
                viewerJumpMinimum,
                viewerJumpWindow,
                commercialCategory,
                alertInterval,
                incidentIdle,
                spikeBaselineMinutes,
                samples,
                maxTrackedUsers,
                anomalyStreams,
                anomalyFactor,
                minFlags,
                minUsers,
                anomalyBurst,
                newAccountAge);
    }
}

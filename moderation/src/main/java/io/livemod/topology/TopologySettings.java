package io.livemod.topology;

import io.livemod.rules.RateLimits;

import java.time.Duration;
import java.util.function.Function;

/**
 * Thresholds and timings of the topology that the rule set's {@link RateLimits} does not carry:
 * stream-metadata rules, incident aggregation, and the bounds that keep per-key state small.
 * They change with a deployment rather than a rule-set version, so they come from the environment
 * ({@link #withEnv}, variable names in {@link #ENV}) and are validated at start.
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
public record TopologySettings(int duplicateMinLength, int campaignMinLength, double viewerJumpFactor, long viewerJumpMinimum,
                               Duration viewerJumpWindow, String commercialCategory, Duration alertInterval,
                               Duration incidentIdle, int spikeBaselineMinutes, int samples, int maxTrackedUsers,
                               int anomalyStreams, double anomalyFactor, int incidentMinFlags, int incidentMinUsers,
                               Duration anomalyBurst, Duration newAccountAge) {

    public static final TopologySettings DEFAULTS = new TopologySettings(10, 24, 5.0, 1000, Duration.ofMinutes(5), "scam",
            Duration.ofSeconds(5), Duration.ofMinutes(10), 10, 5, 500, 10, 5.0, 5, 3, Duration.ofMinutes(2), Duration.ofDays(7));

    public TopologySettings validate() {
        check(duplicateMinLength >= 1, "duplicateMinLength", "must be at least 1");
        check(campaignMinLength >= duplicateMinLength, "campaignMinLength", "must be at least duplicateMinLength");
        check(viewerJumpFactor > 1.0, "viewerJumpFactor", "must be above 1");
        check(viewerJumpMinimum >= 0, "viewerJumpMinimum", "must not be negative");
        check(viewerJumpWindow.toMillis() > 0, "viewerJumpWindow", "must be positive");
        check(commercialCategory != null && !commercialCategory.isBlank(), "commercialCategory", "required");
        check(alertInterval.toMillis() >= 100, "alertInterval", "at least 100 ms");
        check(incidentIdle.compareTo(alertInterval) >= 0, "incidentIdle", "must be at least alertInterval");
        check(spikeBaselineMinutes >= 1 && spikeBaselineMinutes <= 120, "spikeBaselineMinutes", "must be 1..120");
        check(samples >= 1 && samples <= 100, "samples", "must be 1..100");
        check(maxTrackedUsers >= 1 && maxTrackedUsers <= 100_000, "maxTrackedUsers", "must be 1..100000");
        check(anomalyStreams >= 2, "anomalyStreams", "must be at least 2");
        check(anomalyFactor >= 1.0, "anomalyFactor", "must be at least 1");
        check(incidentMinFlags >= 1, "incidentMinFlags", "must be at least 1");
        check(incidentMinUsers >= 1 && incidentMinUsers <= incidentMinFlags, "incidentMinUsers", "must be 1..incidentMinFlags");
        check(anomalyBurst.toSeconds() >= 1, "anomalyBurst", "must be at least 1 s");
        check(!newAccountAge.isNegative() && newAccountAge.toDays() <= 365, "newAccountAge", "must be 0..365 days (0: off)");
        return this;
    }

    /** The environment variable of each setting, so a refused value names what the operator set. */
    static final java.util.Map<String, String> ENV = java.util.Map.ofEntries(
            java.util.Map.entry("duplicateMinLength", "LIVEMOD_DUPLICATE_MIN_LENGTH"),
            java.util.Map.entry("campaignMinLength", "LIVEMOD_CAMPAIGN_MIN_LENGTH"),
            java.util.Map.entry("viewerJumpFactor", "LIVEMOD_VIEWER_JUMP_FACTOR"),
            java.util.Map.entry("viewerJumpMinimum", "LIVEMOD_VIEWER_JUMP_MINIMUM"),
            java.util.Map.entry("viewerJumpWindow", "LIVEMOD_VIEWER_JUMP_WINDOW_SECONDS"),
            java.util.Map.entry("commercialCategory", "LIVEMOD_COMMERCIAL_CATEGORY"),
            java.util.Map.entry("alertInterval", "LIVEMOD_ALERT_INTERVAL_MS"),
            java.util.Map.entry("incidentIdle", "LIVEMOD_INCIDENT_IDLE_SECONDS"),
            java.util.Map.entry("spikeBaselineMinutes", "LIVEMOD_SPIKE_BASELINE_MINUTES"),
            java.util.Map.entry("samples", "LIVEMOD_INCIDENT_SAMPLES"),
            java.util.Map.entry("maxTrackedUsers", "LIVEMOD_MAX_TRACKED_USERS"),
            java.util.Map.entry("anomalyStreams", "LIVEMOD_ANOMALY_STREAMS"),
            java.util.Map.entry("anomalyFactor", "LIVEMOD_ANOMALY_FACTOR"),
            java.util.Map.entry("incidentMinFlags", "LIVEMOD_INCIDENT_MIN_FLAGS"),
            java.util.Map.entry("incidentMinUsers", "LIVEMOD_INCIDENT_MIN_USERS"),
            java.util.Map.entry("anomalyBurst", "LIVEMOD_ANOMALY_BURST_SECONDS"),
            java.util.Map.entry("newAccountAge", "LIVEMOD_NEW_ACCOUNT_DAYS"));

    private static void check(boolean ok, String field, String reason) {
        if (!ok) throw new IllegalArgumentException(field + " (" + ENV.get(field) + "): " + reason);
    }

    /** These settings with every variable of {@link #ENV} that is set taking the place of its default. */
    public TopologySettings withEnv(Function<String, String> env) {
        Env e = new Env(env);
        return new TopologySettings(
                (int) e.integer("duplicateMinLength", duplicateMinLength),
                (int) e.integer("campaignMinLength", campaignMinLength),
                e.decimal("viewerJumpFactor", viewerJumpFactor),
                e.integer("viewerJumpMinimum", viewerJumpMinimum),
                Duration.ofSeconds(e.integer("viewerJumpWindow", viewerJumpWindow.toSeconds())),
                e.text("commercialCategory", commercialCategory),
                Duration.ofMillis(e.integer("alertInterval", alertInterval.toMillis())),
                Duration.ofSeconds(e.integer("incidentIdle", incidentIdle.toSeconds())),
                (int) e.integer("spikeBaselineMinutes", spikeBaselineMinutes),
                (int) e.integer("samples", samples),
                (int) e.integer("maxTrackedUsers", maxTrackedUsers),
                (int) e.integer("anomalyStreams", anomalyStreams),
                e.decimal("anomalyFactor", anomalyFactor),
                (int) e.integer("incidentMinFlags", incidentMinFlags),
                (int) e.integer("incidentMinUsers", incidentMinUsers),
                Duration.ofSeconds(e.integer("anomalyBurst", anomalyBurst.toSeconds())),
                Duration.ofDays(e.integer("newAccountAge", newAccountAge.toDays())));
    }

    private record Env(Function<String, String> env) {
        String text(String field, String dflt) {
            String v = env.apply(ENV.get(field));
            return v == null || v.isBlank() ? dflt : v.trim();
        }

        long integer(String field, long dflt) {
            String v = text(field, null);
            if (v == null) return dflt;
            try {
                long n = Long.parseLong(v);
                if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " (" + ENV.get(field) + "): not a whole number: " + v);
            }
        }

        double decimal(String field, double dflt) {
            String v = text(field, null);
            if (v == null) return dflt;
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " (" + ENV.get(field) + "): not a number: " + v);
            }
        }
    }

    public TopologySettings withIncidentIdle(Duration idle) {
        return new TopologySettings(duplicateMinLength, campaignMinLength, viewerJumpFactor, viewerJumpMinimum, viewerJumpWindow,
                commercialCategory, alertInterval, idle, spikeBaselineMinutes, samples, maxTrackedUsers, anomalyStreams, anomalyFactor,
                incidentMinFlags, incidentMinUsers, anomalyBurst, newAccountAge);
    }

    /** These settings with other incident thresholds (tests of the thresholds themselves). */
    public TopologySettings withIncidentThresholds(int minFlags, int minUsers) {
        return new TopologySettings(duplicateMinLength, campaignMinLength, viewerJumpFactor, viewerJumpMinimum, viewerJumpWindow,
                commercialCategory, alertInterval, incidentIdle, spikeBaselineMinutes, samples, maxTrackedUsers, anomalyStreams,
                anomalyFactor, minFlags, minUsers, anomalyBurst, newAccountAge);
    }
}

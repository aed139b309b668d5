package io.livemod.topology;

import io.livemod.rules.RateLimits;

import java.time.Duration;

/**
 * Thresholds and timings of the topology that the rule set's {@link RateLimits} does not carry:
 * stream-metadata rules, incident aggregation, and the bounds that keep per-key state small.
 * They change with a deployment rather than a rule-set version.
 *
 * @param duplicateMinLength  shorter canonical texts ("hay quá", "❤️") are never duplicate evidence:
 *                            in a mega-live thousands say them honestly
 * @param campaignMinLength   shorter canonical texts are never campaign evidence: "cho xin link với" is
 *                            said in every shopping live; a campaign's copy-pasted message is longer
 * @param viewerJumpFactor    viewers at least this many times the lowest count seen within {@code viewerJumpWindow}
 * @param viewerJumpMinimum   ...and at least this many viewers, so 3 → 20 is not a jump
 * @param commercialCategory  category of "commercial livestream by an unverified streamer" (Decree 147/2024 art. 25)
 * @param alertInterval       wall-clock tick that emits grown incidents and closes idle ones
 * @param incidentIdle        an incident (or spike, or campaign) with no new flag for this long is closed
 * @param spikeBaselineMinutes minutes of history the stream-spike baseline averages over
 * @param samples             flags kept as samples in an incident
 * @param maxTrackedUsers     distinct user ids kept per incident or duplicate text (counts go on beyond it)
 */
public record TopologySettings(int duplicateMinLength, int campaignMinLength, double viewerJumpFactor, long viewerJumpMinimum,
                               Duration viewerJumpWindow, String commercialCategory, Duration alertInterval,
                               Duration incidentIdle, int spikeBaselineMinutes, int samples, int maxTrackedUsers) {

    public static final TopologySettings DEFAULTS = new TopologySettings(12, 24, 5.0, 1000, Duration.ofMinutes(5), "scam",
            Duration.ofSeconds(5), Duration.ofMinutes(10), 10, 5, 500);

    public TopologySettings validate() {
        if (duplicateMinLength < 1) throw new IllegalArgumentException("duplicateMinLength: must be at least 1");
        if (campaignMinLength < duplicateMinLength) throw new IllegalArgumentException("campaignMinLength: must be at least duplicateMinLength");
        if (viewerJumpFactor <= 1.0) throw new IllegalArgumentException("viewerJumpFactor: must be above 1");
        if (viewerJumpWindow.isNegative() || viewerJumpWindow.isZero()) throw new IllegalArgumentException("viewerJumpWindow: must be positive");
        if (alertInterval.toMillis() < 100) throw new IllegalArgumentException("alertInterval: at least 100 ms");
        if (incidentIdle.compareTo(alertInterval) < 0) throw new IllegalArgumentException("incidentIdle: must be at least alertInterval");
        if (spikeBaselineMinutes < 1 || spikeBaselineMinutes > 120) throw new IllegalArgumentException("spikeBaselineMinutes: must be 1..120");
        if (samples < 1 || maxTrackedUsers < 1) throw new IllegalArgumentException("samples, maxTrackedUsers: must be positive");
        return this;
    }

    public TopologySettings withIncidentIdle(Duration idle) {
        return new TopologySettings(duplicateMinLength, campaignMinLength, viewerJumpFactor, viewerJumpMinimum, viewerJumpWindow,
                commercialCategory, alertInterval, idle, spikeBaselineMinutes, samples, maxTrackedUsers);
    }
}

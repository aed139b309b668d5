package io.livemod.rules;

import java.time.Duration;

/**
 * Thresholds of the rate rules, carried in the rule set so they change with a new version.
 * Defaults follow the issue text and Decree 147/2024 (5 violations in 30 days, or 10 in 90).
 */
public record RateLimits(
        int userFloodCount,
        Duration userFloodWindow,
        int duplicateUsers,
        Duration duplicateWindow,
        int campaignStreams,
        int campaignPlatforms,
        Duration campaignWindow,
        double spikeFactor,
        int spikeMinimum,
        int offenderShortCount,
        Duration offenderShortWindow,
        int offenderLongCount,
        Duration offenderLongWindow) {
    public static final RateLimits DEFAULTS = new RateLimits(
            5,
            Duration.ofSeconds(10),
            5,
            Duration.ofSeconds(60),
            3,
            2,
            Duration.ofMinutes(10),
            3.0,
            10,
            5,
            Duration.ofDays(30),
            10,
            Duration.ofDays(90));
}

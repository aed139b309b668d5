package io.livemod.gateway.review;

import static io.livemod.gateway.EnvNumbers.number;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of the moderators' queue.
 *
 * @param claimTtl        how long a claim holds without a decision (LIVEMOD_CLAIM_TTL_SECONDS, default 300)
 * @param decisionLockTtl how long a decision being written blocks others; longer than a Kafka write may take
 * @param horizon         flags detected longer ago than this leave the queue, with their decision and claim
 *                        (LIVEMOD_REVIEW_HORIZON_HOURS, default 168); they stay in Kafka as evidence. At boot
 *                        the queue is replayed from this far back only, so start-up does not grow with the
 *                        topic's 180 days
 * @param maxFlags        in memory only: the most flags the queue holds; beyond it the oldest leave first
 *                        (LIVEMOD_REVIEW_MAX_FLAGS, default 200,000: at ~2.5 KB of heap per flag, about 0.5 GB)
 */
public record ReviewSettings(Duration claimTtl, Duration decisionLockTtl, Duration horizon, int maxFlags) {

    public static ReviewSettings defaults() {
        return new ReviewSettings(Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofDays(7), 200_000);
    }

    public ReviewSettings withEnv(Function<String, String> env) {
        return new ReviewSettings(
                Duration.ofSeconds(number(env, "LIVEMOD_CLAIM_TTL_SECONDS", claimTtl.toSeconds())),
                decisionLockTtl,
                Duration.ofHours(number(env, "LIVEMOD_REVIEW_HORIZON_HOURS", horizon.toHours())),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(env, "LIVEMOD_REVIEW_MAX_FLAGS", maxFlags)))).validate();
    }

    public ReviewSettings withHorizon(Duration h, int max) {
        return new ReviewSettings(claimTtl, decisionLockTtl, h, max).validate();
    }

    public ReviewSettings validate() {
        if (claimTtl.compareTo(Duration.ofSeconds(10)) < 0 || claimTtl.compareTo(Duration.ofHours(8)) > 0) {
            throw new IllegalArgumentException("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800, got " + claimTtl.toSeconds());
        }
        // At least a day: takedowns are due within 24 h, and a restarted gateway re-sends the last 6 h of decisions.
        if (horizon.compareTo(Duration.ofHours(24)) < 0 || horizon.compareTo(Duration.ofDays(180)) > 0) {
            throw new IllegalArgumentException("LIVEMOD_REVIEW_HORIZON_HOURS: must be 24..4320 (the flags topic keeps 180 days), got " + horizon.toHours());
        }
        if (maxFlags < 1000) throw new IllegalArgumentException("LIVEMOD_REVIEW_MAX_FLAGS: at least 1000, got " + maxFlags);
        return this;
    }
}

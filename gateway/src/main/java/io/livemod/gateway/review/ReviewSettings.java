package io.livemod.gateway.review;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of the moderators' queue.
 *
 * @param claimTtl        how long a claim holds without a decision (LIVEMOD_CLAIM_TTL_SECONDS, default 300)
 * @param decisionLockTtl how long a decision being written blocks others; longer than a Kafka write may take
 */
public record ReviewSettings(Duration claimTtl, Duration decisionLockTtl) {

    public static ReviewSettings defaults() {
        return new ReviewSettings(Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    public ReviewSettings withEnv(Function<String, String> env) {
        String ttl = env.apply("LIVEMOD_CLAIM_TTL_SECONDS");
        if (ttl == null || ttl.isBlank()) return this;
        try {
            return new ReviewSettings(Duration.ofSeconds(Long.parseLong(ttl.trim())), decisionLockTtl).validate();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LIVEMOD_CLAIM_TTL_SECONDS: not a number: " + ttl);
        }
    }

    public ReviewSettings validate() {
        if (claimTtl.compareTo(Duration.ofSeconds(10)) < 0 || claimTtl.compareTo(Duration.ofHours(8)) > 0) {
            throw new IllegalArgumentException("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800, got " + claimTtl.toSeconds());
        }
        return this;
    }
}

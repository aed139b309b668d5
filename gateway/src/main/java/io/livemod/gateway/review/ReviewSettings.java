package io.livemod.gateway.review;

import static io.livemod.settings.QueueCatalogue.CLAIM_TTL;
import static io.livemod.settings.QueueCatalogue.REVIEW_HORIZON;
import static io.livemod.settings.QueueCatalogue.REVIEW_MAX_FLAGS;

import io.livemod.settings.QueueCatalogue;
import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of the moderators' queue: the typed view of their {@link QueueCatalogue} settings.
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

    /** The catalogue's defaults ({@link QueueCatalogue}); the decision lock is not a setting. */
    public static ReviewSettings defaults() {
        return new ReviewSettings(
                CLAIM_TTL.defaultValue(),
                Duration.ofSeconds(60),
                REVIEW_HORIZON.defaultValue(),
                REVIEW_MAX_FLAGS.defaultValue());
    }

    public ReviewSettings withEnv(Function<String, String> env) {
        return new ReviewSettings(
                        CLAIM_TTL.read(env, claimTtl),
                        decisionLockTtl,
                        REVIEW_HORIZON.read(env, horizon),
                        REVIEW_MAX_FLAGS.read(env, maxFlags))
                .validate();
    }

    public ReviewSettings withHorizon(Duration h, int max) {
        return new ReviewSettings(claimTtl, decisionLockTtl, h, max).validate();
    }

    public ReviewSettings validate() {
        CLAIM_TTL.check(claimTtl);
        // At least a day: takedowns are due within 24 h, and a restarted gateway re-sends the last 6 h of decisions.
        REVIEW_HORIZON.check(horizon);
        REVIEW_MAX_FLAGS.check(maxFlags);
        return this;
    }
}

package io.livemod.gateway.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the queue to its horizon: once a minute, flags detected more than {@code horizon} ago leave
 * the store with their decisions and claims (they stay in Kafka). Without it the queue would grow
 * with the flags topic's 180 days, in the heap or in Redis. The sweep runs on a worker thread, a
 * bounded batch per call, since a Redis store blocks.
 */
public final class ReviewHorizon {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewHorizon.class);
    static final Duration EVERY = Duration.ofMinutes(1);
    static final int BATCH = 5_000;
    /** The replay starts this much before the horizon: a flag is stamped with its comment's receive time, which can precede its detection. */
    static final Duration REPLAY_MARGIN = Duration.ofDays(1);

    private final FlagStore store;
    private final Duration horizon;
    private final Clock clock;
    private final Counter forgotten;
    private long timer = -1;
    private long evictionsSeen;

    public ReviewHorizon(FlagStore store, ReviewSettings settings, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.horizon = settings.horizon();
        this.clock = clock;
        this.forgotten = Counter.builder("livemod_review_forgotten")
                .tag("reason", "horizon")
                .description("flags that left the moderators' queue")
                .register(metrics);
        if (store instanceof MemoryFlagStore memory) {
            FunctionCounter.builder("livemod_review_forgotten", memory, MemoryFlagStore::evictions)
                    .tag("reason", "memory_cap")
                    .description("flags that left the moderators' queue")
                    .register(metrics);
        }
    }

    /** Where the projection's replay starts at boot. */
    public long replayFrom() {
        return clock.millis() - horizon.toMillis() - REPLAY_MARGIN.toMillis();
    }

    public ReviewHorizon start(Vertx vertx) {
        timer = vertx.setPeriodic(EVERY.toMillis(), t -> vertx.executeBlocking(this::sweep, false)
                .onFailure(e -> LOG.warn("review horizon sweep failed: {}", e.toString())));
        return this;
    }

    /** Drops everything detected before now − horizon; returns how many flags went. Blocking. */
    public int sweep() {
        long cutoff = clock.millis() - horizon.toMillis();
        int total = 0;
        for (int n = BATCH; n == BATCH; total += n) n = store.forgetBefore(cutoff, BATCH);
        forgotten.increment(total);
        if (store instanceof MemoryFlagStore memory && memory.evictions() > evictionsSeen) {
            LOG.warn(
                    "the moderators' queue is at LIVEMOD_REVIEW_MAX_FLAGS: {} oldest flags left it early (still in Kafka); "
                            + "raise the cap with the heap, shorten LIVEMOD_REVIEW_HORIZON_HOURS, or run with --redis",
                    memory.evictions() - evictionsSeen);
            evictionsSeen = memory.evictions();
        }
        return total;
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) vertx.cancelTimer(timer);
    }
}

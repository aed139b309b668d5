package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.TopicFeeds;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link FlagStore} equal to the flags and decisions topics of the queue's horizon, replayed
 * at every boot from {@code since}, so a restart (or a fresh Redis) serves the same queue. Flags and decisions are
 * separate topics with no order between them, so the store joins them by flag id whichever comes
 * first. After the catch-up, changed flags go to {@code changed} (live feeds); every decision goes
 * to {@code decisions} with whether it was replayed, so webhook delivery can recover what a crash
 * left undelivered. The gateway is ready only once both have caught up.
 */
public final class ReviewProjection {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewProjection.class);
    private final TopicFeeds.Subscription flags;
    private final TopicFeeds.Subscription decisionFeed;

    /**
     * @param since   epoch ms of the oldest records to replay (record time: a flag is stamped with its
     *                comment's receive time, a decision with its write time)
     * @param changed (platform, flagId) of a flag that arrived or was decided after the catch-up
     * @param arrived each flag that arrived after the catch-up (end-to-end latency) */
    public ReviewProjection(
            TopicFeeds feeds,
            FlagStore store,
            long since,
            BiConsumer<String, String> changed,
            BiConsumer<Decision, Boolean> decisions,
            Consumer<Flag> arrived) {
        this.flags = feeds.since(Topics.FLAGS, since, (r, live) -> {
            Flag f = r.value();
            if (f == null) return;
            store.put(f);
            if (live) {
                changed.accept(f.platform(), f.flagId());
                arrived.accept(f);
            }
        });
        this.decisionFeed = feeds.since(Topics.DECISIONS, since, (r, live) -> {
            Decision d = r.value();
            if (d == null) return;
            store.putDecision(d);
            if (live) changed.accept(d.platform(), d.flagId());
            decisions.accept(d, !live);
        });
        // Only a log line: isCaughtUp() is what readiness asks.
        var unused = CompletableFuture.allOf(flags.caughtUp(), decisionFeed.caughtUp())
                .thenRun(() -> LOG.info("review projection caught up: {} flags", store.size()));
    }

    public boolean isCaughtUp() {
        return flags.isCaughtUp() && decisionFeed.isCaughtUp();
    }
}

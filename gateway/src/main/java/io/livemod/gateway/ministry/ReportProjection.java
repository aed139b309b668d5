package io.livemod.gateway.ministry;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.store.ProjectionStore;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the summary report needs from the flags and decisions topics, kept small: each flag as
 * (time, id, platform, category), its detection time by id (to measure time to decision), and each
 * decision as (time, id, flag, platform, action, time). Members are deterministic, so a replayed or
 * re-emitted flag is counted once.
 */
public final class ReportProjection {
    static final String FLAGS = "report-flags";
    static final String FLAG_DETECTED = "report-flag-detected";
    static final String DECISIONS = "report-decisions";
    /** false_claim flags as (flag, claim, platform): the report counts matches per claim and platform. */
    static final String CLAIM_FLAGS = "report-claim-flags";

    static final char SEP = '\t';
    private final ProjectionStore store;
    private final List<TopicFeeds.Subscription> feeds;

    /** @param since where the replay starts (epoch ms): the reports horizon, see {@link Horizons} */
    public ReportProjection(TopicFeeds feeds, long since, ProjectionStore store) {
        this.store = store;
        this.feeds = List.of(
                feeds.since(Topics.FLAGS, since, this::onFlag), feeds.since(Topics.DECISIONS, since, this::onDecision));
    }

    /** Drops flags detected and decisions made before {@code cutoff}. Blocks (Redis). @return how many flags */
    int forgetBefore(long cutoff) {
        List<String> flagIds = store.rangeByTime(FLAGS, Long.MIN_VALUE / 2, cutoff).stream()
                .map(m -> m.substring(0, m.indexOf(SEP)))
                .toList();
        store.removeAll(FLAG_DETECTED, flagIds);
        store.removeTimedBefore(FLAGS, cutoff);
        store.removeTimedBefore(CLAIM_FLAGS, cutoff);
        store.removeTimedBefore(DECISIONS, cutoff);
        return flagIds.size();
    }

    public boolean isCaughtUp() {
        return feeds.stream().allMatch(TopicFeeds.Subscription::isCaughtUp);
    }

    private void onFlag(ConsumerRecord<String, Flag> r, boolean live) {
        Flag f = r.value();
        if (f == null || f.flagId() == null) return;
        store.addTimed(
                FLAGS, f.detectedAt(), clean(f.flagId()) + SEP + clean(f.platform()) + SEP + clean(f.category()));
        store.putIfNewer(FLAG_DETECTED, f.flagId(), 0, Long.toString(f.detectedAt()));
        if (f.claimId() != null)
            store.addTimed(
                    CLAIM_FLAGS,
                    f.detectedAt(),
                    clean(f.flagId()) + SEP + clean(f.claimId()) + SEP + clean(f.platform()));
    }

    private void onDecision(ConsumerRecord<String, Decision> r, boolean live) {
        Decision d = r.value();
        if (d == null || d.decisionId() == null) return;
        store.addTimed(
                DECISIONS,
                d.decidedAt(),
                clean(d.decisionId())
                        + SEP
                        + clean(d.flagId())
                        + SEP
                        + clean(d.platform())
                        + SEP
                        + clean(d.action() == null ? null : d.action().wire())
                        + SEP
                        + d.decidedAt());
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace(SEP, ' ');
    }
}

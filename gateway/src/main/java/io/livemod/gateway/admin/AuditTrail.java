package io.livemod.gateway.admin;

import io.livemod.event.AuditEntry;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.store.ProjectionStore;
import java.util.List;

/**
 * The audit topic as a time-ordered collection of entries (memory or Redis), for {@code GET /v1/audit}.
 * An entry's member (offset and JSON) is deterministic, so a replay adds nothing twice.
 */
final class AuditTrail {
    static final String NS = "audit";
    private final ProjectionStore store;
    private final TopicFeeds.Subscription feed;

    /** @param since where the replay starts (epoch ms): the audit horizon */
    AuditTrail(TopicFeeds feeds, long since, ProjectionStore store) {
        this.store = store;
        this.feed = feeds.since(Topics.AUDIT, since, (r, live) -> {
            // The offset first: entries of one millisecond keep the order they were written in (one partition).
            if (r.value() != null)
                store.addTimed(NS, r.value().at(), String.format("%019d", r.offset()) + "\t" + Json.string(r.value()));
        });
    }

    boolean isCaughtUp() {
        return feed.isCaughtUp();
    }

    /** Drops entries older than {@code cutoff} (they stay on the audit topic). Blocks (Redis). */
    void forgetBefore(long cutoff) {
        store.removeTimedBefore(NS, cutoff);
    }

    /** An entry and its position in the audit topic. */
    record Logged(long seq, AuditEntry entry) {}

    /** Entries with from <= at < to, oldest first. Blocks on Redis. */
    List<Logged> between(long from, long to) {
        return store.rangeByTime(NS, from, to).stream()
                .map(m -> {
                    int tab = m.indexOf('\t');
                    return new Logged(
                            Long.parseLong(m.substring(0, tab)),
                            Json.read(
                                    m.substring(tab + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                    AuditEntry.class));
                })
                .toList();
    }
}

package io.livemod.gateway.admin;

import io.livemod.event.AuditEntry;
import io.livemod.event.Json;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.gateway.ministry.store.ProjectionStore;

import java.util.List;

/**
 * The audit topic as a time-ordered collection of entries (memory or Redis), for {@code GET /v1/audit}.
 * An entry's member (offset and JSON) is deterministic, so a replay adds nothing twice.
 */
final class AuditTrail implements AutoCloseable {
    static final String NS = "audit";
    private final ProjectionStore store;
    private final TopicFollower<String, AuditEntry> follower;

    /** @param since where the replay starts (epoch ms): the audit horizon */
    AuditTrail(String bootstrap, long since, ProjectionStore store) {
        this.store = store;
        this.follower = TopicFollower.since(bootstrap, Topics.AUDIT, since, (r, live) -> {
            // The offset first: entries of one millisecond keep the order they were written in (one partition).
            if (r.value() != null) store.addTimed(NS, r.value().at(), String.format("%019d", r.offset()) + "\t" + Json.string(r.value()));
        });
    }

    AuditTrail start() {
        follower.start();
        return this;
    }

    boolean isCaughtUp() {
        return follower.isCaughtUp();
    }

    /** Drops entries older than {@code cutoff} (they stay on the audit topic). Blocks (Redis). */
    void forgetBefore(long cutoff) {
        store.removeTimedBefore(NS, cutoff);
    }

    /** An entry and its position in the audit topic. */
    record Logged(long seq, AuditEntry entry) {}

    /** Entries with from <= at < to, oldest first. Blocks on Redis. */
    List<Logged> between(long from, long to) {
        return store.rangeByTime(NS, from, to).stream().map(m -> {
            int tab = m.indexOf('\t');
            return new Logged(Long.parseLong(m.substring(0, tab)), Json.read(m.substring(tab + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8), AuditEntry.class));
        }).toList();
    }

    @Override
    public void close() {
        follower.close();
    }
}

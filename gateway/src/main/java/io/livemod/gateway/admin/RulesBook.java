package io.livemod.gateway.admin;

import io.livemod.event.RuleSetRecord;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.TopicFeeds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every rule-set version on the compacted rules topic, in memory: they are few and small, every
 * gateway needs all of them, and the topic keeps them forever, so there is nothing to share in
 * Redis. The active version is the one published last, as for the moderation app.
 */
final class RulesBook {
    /** A version with the offset it was last published at: on equal publishedAt, the later record wins, as in moderation. */
    private record Seen(RuleSetRecord rec, long offset) {}

    private static final Comparator<Seen> NEWEST =
            Comparator.comparingLong((Seen s) -> s.rec().publishedAt()).thenComparingLong(Seen::offset);
    private final Map<String, Seen> versions = new ConcurrentHashMap<>();
    private final TopicFeeds.Subscription feed;

    /** @param published told "version@publishedAt" of each record read, for read-your-writes */
    RulesBook(TopicFeeds feeds, Consumer<String> published) {
        this.feed = feeds.all(Topics.RULES, (r, live) -> {
            if (r.value() == null) return;
            versions.put(r.value().version(), new Seen(r.value(), r.offset()));
            published.accept(key(r.value()));
        });
    }

    static String key(RuleSetRecord r) {
        return r.version() + "@" + r.publishedAt();
    }

    boolean isCaughtUp() {
        return feed.isCaughtUp();
    }

    Optional<RuleSetRecord> active() {
        return versions.values().stream().max(NEWEST).map(Seen::rec);
    }

    Optional<RuleSetRecord> version(String v) {
        return Optional.ofNullable(versions.get(v)).map(Seen::rec);
    }

    /** Newest publication first. */
    List<RuleSetRecord> all() {
        return versions.values().stream()
                .sorted(NEWEST.reversed())
                .map(Seen::rec)
                .toList();
    }
}

package io.livemod.gateway.claims;

import io.livemod.claims.ClaimTokens;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.TopicFeeds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The registry of false claims in memory, from the compacted claims topic: the last version of each
 * claim. Claims are small and number in the thousands, every gateway lists and searches all of them,
 * and the topic keeps them forever, so there is nothing to share in Redis (as for rule sets).
 * Search reads the canonical form, so "vac xin" finds "vắc xin" and a teencode query its spelling.
 */
final class ClaimBook {
    /** A claim with its canonical text, computed once per version for search. */
    private record Entry(ClaimRecord claim, String canonical) {}

    private static final Comparator<Entry> NEWEST = Comparator.comparingLong(
                    (Entry e) -> e.claim().createdAt())
            .thenComparing(e -> e.claim().id())
            .reversed();
    private final Map<String, Entry> claims = new ConcurrentHashMap<>();
    private final TopicFeeds.Subscription feed;

    /** @param applied told "id@version" of each record read, for read-your-writes */
    ClaimBook(TopicFeeds feeds, Consumer<String> applied) {
        this.feed = feeds.all(Topics.CLAIMS, (r, live) -> {
            if (r.key() == null) return;
            if (r.value() == null) {
                claims.remove(r.key());
                return;
            }
            claims.put(
                    r.key(),
                    new Entry(r.value(), ClaimTokens.canonical(r.value().text())));
            applied.accept(key(r.value()));
        });
    }

    static String key(ClaimRecord c) {
        return c.id() + "@" + c.version();
    }

    boolean isCaughtUp() {
        return feed.isCaughtUp();
    }

    Optional<ClaimRecord> get(String id) {
        return Optional.ofNullable(claims.get(id)).map(Entry::claim);
    }

    /**
     * Newest first; with {@code q}, the claims whose text contains it (any spelling: compared in
     * canonical form) or whose id, source or category is it.
     */
    List<ClaimRecord> search(String q, int limit) {
        String want = q == null || q.isBlank() ? null : ClaimTokens.canonical(q);
        return claims.values().stream()
                .filter(e -> want == null
                        || want.isEmpty()
                        || e.canonical().contains(want)
                        || q.equalsIgnoreCase(e.claim().id())
                        || q.equalsIgnoreCase(e.claim().source())
                        || q.equalsIgnoreCase(e.claim().category()))
                .sorted(NEWEST)
                .limit(limit)
                .map(Entry::claim)
                .toList();
    }

    int size() {
        return claims.size();
    }
}

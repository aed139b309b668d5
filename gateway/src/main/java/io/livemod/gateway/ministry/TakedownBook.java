package io.livemod.gateway.ministry;

import io.livemod.event.Json;
import io.livemod.event.TakedownEvent;
import io.livemod.event.Topics;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.store.ProjectionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The projection of the takedowns topic and its reads. Reads may block (Redis): call from a worker.
 */
public final class TakedownBook {
    static final String NS = "takedowns";
    private final ProjectionStore store;
    private final Applied applied;
    private final TopicFeeds.Subscription feed;

    /** @param since where the replay starts (epoch ms): the takedowns horizon, see {@link Horizons} */
    public TakedownBook(TopicFeeds feeds, long since, ProjectionStore store, Applied applied) {
        this.store = store;
        this.applied = applied;
        this.feed = feeds.since(Topics.TAKEDOWNS, since, this::onEvent);
    }

    /** Drops requests made before {@code cutoff}. Blocks (Redis). @return how many */
    int forgetBefore(long cutoff) {
        List<String> old = all(null).stream()
                .filter(t -> t.requestedAt() < cutoff)
                .map(Takedown::takedownId)
                .toList();
        store.removeAll(NS, old);
        return old.size();
    }

    public boolean isCaughtUp() {
        return feed.isCaughtUp();
    }

    private void onEvent(ConsumerRecord<String, TakedownEvent> r, boolean live) {
        TakedownEvent e = r.value();
        if (e == null || e.takedownId() == null) return;
        Takedown before = get(e.takedownId()).orElse(null);
        Takedown after = Takedown.fold(before, e);
        if (after != null) store.putIfNewer(NS, e.takedownId(), r.offset(), Json.string(after));
        applied.done(e.eventId());
    }

    public Optional<Takedown> get(String takedownId) {
        return store.get(NS, takedownId)
                .map(j -> Json.read(j.getBytes(java.nio.charset.StandardCharsets.UTF_8), Takedown.class));
    }

    /** @param platform null for all platforms (officers); a platform sees only its own */
    public List<Takedown> all(String platform) {
        return store.all(NS).values().stream()
                .map(j -> Json.read(j.getBytes(java.nio.charset.StandardCharsets.UTF_8), Takedown.class))
                .filter(t -> platform == null || platform.equals(t.platform()))
                .sorted(Comparator.comparingLong(Takedown::requestedAt).reversed())
                .toList();
    }

    static String sortKey(Takedown.View t) {
        return Paging.desc(t.requestedAt()) + ":" + t.takedownId();
    }
}

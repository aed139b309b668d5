package io.livemod.gateway.kafka;

import io.livemod.event.Topic;
import io.livemod.event.TopicFollower;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every topic the gateway projects, read once: one read_committed {@link TopicFollower} per topic,
 * whatever the number of projections that need it, handing each record to every subscriber on the
 * follower's thread. A subscriber may want only a recent horizon ({@link #since}): the follower
 * starts at the earliest offset any subscriber needs, and a subscriber gets exactly the records it
 * would have read with its own follower (from the first offset at or after its horizon on). Subscribe
 * before {@link #start}; the gateway is ready when {@link #isCaughtUp}.
 */
public final class TopicFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFeeds.class);

    /** A subscriber's view of its topic's follower. */
    public interface Subscription {
        /** Completes once the topic has been read to the end offsets seen at start. */
        CompletableFuture<Void> caughtUp();

        default boolean isCaughtUp() {
            return caughtUp().isDone() && !caughtUp().isCompletedExceptionally();
        }
    }

    private final String bootstrap;
    private final Map<String, Feed<?, ?>> feeds = new LinkedHashMap<>();
    private boolean started;

    public TopicFeeds(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The whole topic from its first retained record (compacted registries: rules, claims, platforms). */
    public <K, V> Subscription all(Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return subscribe(topic, TopicFollower.Start.BEGINNING, handler);
    }

    /**
     * From the first record stamped {@code epochMillis} or later in each partition: projections that
     * keep a recent horizon of a long-retained topic. The handler gets each record and whether the
     * follower's initial catch-up is already over ("live").
     */
    public <K, V> Subscription since(
            Topic<K, V> topic, long epochMillis, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return subscribe(topic, TopicFollower.Start.since(epochMillis), handler);
    }

    @SuppressWarnings("unchecked")
    private synchronized <K, V> Subscription subscribe(
            Topic<K, V> topic, TopicFollower.Start start, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        if (started) throw new IllegalStateException("subscribe to " + topic.name() + " before the feeds start");
        Feed<K, V> feed = (Feed<K, V>) feeds.computeIfAbsent(topic.name(), n -> new Feed<>(topic));
        feed.subscribers.add(new Subscriber<>(start, handler));
        return feed.caughtUp;
    }

    /** Starts one follower per subscribed topic (own threads). */
    public synchronized TopicFeeds start() {
        started = true;
        feeds.values().forEach(f -> f.start(bootstrap));
        return this;
    }

    /** True once every topic has been read to the end seen at start. */
    public boolean isCaughtUp() {
        return started && feeds.values().stream().allMatch(f -> f.caughtUp.isCaughtUp());
    }

    /** How many followers (Kafka consumers) read for this gateway: one per topic. */
    public int followers() {
        return feeds.size();
    }

    @Override
    public synchronized void close() {
        feeds.values().forEach(Feed::close);
    }

    /** A subscriber and, once the follower starts, the offset it starts at in each partition. */
    private static final class Subscriber<K, V> {
        final TopicFollower.Start start;
        final BiConsumer<ConsumerRecord<K, V>, Boolean> handler;
        volatile Map<TopicPartition, Long> from = Map.of();

        Subscriber(TopicFollower.Start start, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
            this.start = start;
            this.handler = handler;
        }
    }

    /** One topic: its follower and its subscribers. */
    private static final class Feed<K, V> {
        final Topic<K, V> topic;
        final List<Subscriber<K, V>> subscribers = new ArrayList<>();
        final CaughtUp caughtUp = new CaughtUp();
        TopicFollower<K, V> follower;

        Feed(Topic<K, V> topic) {
            this.topic = topic;
        }

        void start(String bootstrap) {
            follower = TopicFollower.from(bootstrap, topic, this::earliest, this::dispatch)
                    .start();
            // Passes the outcome on; the stage whenComplete returns has nothing more to say.
            var unused = follower.caughtUp().whenComplete((v, e) -> {
                if (e == null) caughtUp.future.complete(null);
                else caughtUp.future.completeExceptionally(e);
            });
        }

        /** Each subscriber's start, kept for filtering; the follower starts at the smallest per partition. */
        private Map<TopicPartition, Long> earliest(Consumer<?, ?> consumer, List<TopicPartition> parts) {
            Map<TopicPartition, Long> min = new HashMap<>();
            for (Subscriber<K, V> s : subscribers) {
                s.from = Map.copyOf(s.start.offsets(consumer, parts));
                s.from.forEach((tp, offset) -> min.merge(tp, offset, Math::min));
            }
            return min;
        }

        private void dispatch(ConsumerRecord<K, V> r, boolean live) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            for (Subscriber<K, V> s : subscribers) {
                if (r.offset() < s.from.getOrDefault(tp, 0L)) continue;
                try {
                    s.handler.accept(r, live);
                } catch (RuntimeException e) {
                    // A record one projection cannot use must stop neither it nor the others: count and go on.
                    Metrics.counter("livemod_follower_errors", "topic", topic.name())
                            .increment();
                    LOG.warn(
                            "{}-{}@{} skipped by a projection: {}", r.topic(), r.partition(), r.offset(), e.toString());
                }
            }
        }

        void close() {
            if (follower != null) follower.close();
        }
    }

    /** The topic's catch-up, shared by its subscribers. */
    private static final class CaughtUp implements Subscription {
        final CompletableFuture<Void> future = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> caughtUp() {
            return future;
        }
    }
}

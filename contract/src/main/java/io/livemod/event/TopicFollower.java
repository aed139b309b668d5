package io.livemod.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic from its start, then keeps following it, handing each record
 * to a handler on its own thread. No consumer group: every instance sees the whole topic, which is
 * what projections and rule books need. {@link #caughtUp()} completes once the end offsets seen at
 * start are reached, i.e. when the projection equals the topic as it was when we began.
 * Only committed records are read (read_committed), so aborted EOS output never shows.
 */
public final class TopicFollower<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private final Topic<K, V> topic;
    private final KafkaConsumer<K, V> consumer;
    private final BiConsumer<ConsumerRecord<K, V>, Boolean> handler;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Thread thread;
    private final Start start;
    private volatile boolean running = true;

    /**
     * Where a follower starts reading: the offset of each partition, looked up with the follower's
     * own consumer before the first poll. A gateway's topic feed uses it to start one follower at
     * the earliest offset any of its subscribers needs.
     */
    @FunctionalInterface
    public interface Start {
        Map<TopicPartition, Long> offsets(Consumer<?, ?> consumer, List<TopicPartition> parts);

        /** Each partition's first retained record. */
        Start BEGINNING = (consumer, parts) -> consumer.beginningOffsets(parts);
        /** What is written from now on. */
        Start END = (consumer, parts) -> consumer.endOffsets(parts);

        /** The first record stamped {@code epochMillis} or later in each partition; the end where there is none. */
        static Start since(long epochMillis) {
            if (epochMillis <= 0) return BEGINNING;
            return (consumer, parts) -> {
                Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
                var at =
                        consumer.offsetsForTimes(parts.stream().collect(Collectors.toMap(tp -> tp, tp -> epochMillis)));
                return parts.stream()
                        .collect(Collectors.toMap(
                                tp -> tp,
                                tp -> at.get(tp) == null
                                        ? ends.get(tp)
                                        : at.get(tp).offset()));
            };
        }
    }

    /** @param handler gets each record and whether the initial catch-up is already over ("live") */
    public TopicFollower(String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        this(bootstrap, topic, handler, Start.BEGINNING);
    }

    /** Follows only what is written from now on (load tests, live taps); caught up at once. */
    public static <K, V> TopicFollower<K, V> fromEnd(
            String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return new TopicFollower<>(bootstrap, topic, handler, Start.END);
    }

    /**
     * Starts at the first record stamped {@code epochMillis} or later in each partition (the end where
     * there is none), for projections that only keep a recent horizon of a long-retained topic.
     */
    public static <K, V> TopicFollower<K, V> since(
            String bootstrap, Topic<K, V> topic, long epochMillis, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return new TopicFollower<>(bootstrap, topic, handler, Start.since(epochMillis));
    }

    /** Starts where {@code start} says in each partition. */
    public static <K, V> TopicFollower<K, V> from(
            String bootstrap, Topic<K, V> topic, Start start, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return new TopicFollower<>(bootstrap, topic, handler, start);
    }

    private TopicFollower(
            String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler, Start start) {
        this.start = start;
        this.topic = topic;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(
                KafkaClients.with(
                        bootstrap,
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                2000)),
                topic.key().deserializer(),
                topic.value().deserializer());
        this.thread = new Thread(this::run, "livemod-follow-" + topic.name());
        this.thread.setDaemon(true);
    }

    public TopicFollower<K, V> start() {
        thread.start();
        return this;
    }

    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone() && !caughtUp.isCompletedExceptionally();
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name()).stream()
                    .map(PartitionInfo::partition)
                    .map(p -> new TopicPartition(topic.name(), p))
                    .toList();
            consumer.assign(parts);
            // Resolved now, not at the first poll, so "the end" or "since" means as of start.
            start.offsets(consumer, parts).forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                boolean live = caughtUp.isDone();
                for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        handler.accept(r, live);
                    } catch (RuntimeException e) {
                        // A record the handler cannot use must not stop the projection: count and go on.
                        io.micrometer.core.instrument.Metrics.counter("livemod_follower_errors", "topic", topic.name())
                                .increment();
                        LOG.warn("{}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), e.toString());
                    }
                }
                if (!live && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp)))
                    caughtUp.complete(null);
            }
        } catch (WakeupException e) {
            if (running) caughtUp.completeExceptionally(e);
        } catch (RuntimeException e) {
            LOG.error("following {} stopped: {}", topic.name(), e.toString());
            caughtUp.completeExceptionally(e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

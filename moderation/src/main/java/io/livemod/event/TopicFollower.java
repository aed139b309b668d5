package io.livemod.event;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

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
    private final boolean fromEnd;
    private final long since;
    private volatile boolean running = true;

    /** @param handler gets each record and whether the initial catch-up is already over ("live") */
    public TopicFollower(String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        this(bootstrap, topic, handler, false, Long.MIN_VALUE);
    }

    /** Follows only what is written from now on (load tests, live taps); caught up at once. */
    public static <K, V> TopicFollower<K, V> fromEnd(String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return new TopicFollower<>(bootstrap, topic, handler, true, Long.MIN_VALUE);
    }

    /**
     * Starts at the first record stamped {@code epochMillis} or later in each partition (the end where
     * there is none), for projections that only keep a recent horizon of a long-retained topic.
     */
    public static <K, V> TopicFollower<K, V> since(String bootstrap, Topic<K, V> topic, long epochMillis,
                                                   BiConsumer<ConsumerRecord<K, V>, Boolean> handler) {
        return new TopicFollower<>(bootstrap, topic, handler, false, epochMillis);
    }

    private TopicFollower(String bootstrap, Topic<K, V> topic, BiConsumer<ConsumerRecord<K, V>, Boolean> handler, boolean fromEnd,
                          long since) {
        this.fromEnd = fromEnd;
        this.since = since;
        this.topic = topic;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(KafkaClients.with(bootstrap, Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)),
                topic.key().deserializer(), topic.value().deserializer());
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
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic.name(), p)).toList();
            consumer.assign(parts);
            if (fromEnd) {
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position); // resolve "end" now, not at the first poll
            } else if (since > 0) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
                var at = consumer.offsetsForTimes(parts.stream().collect(java.util.stream.Collectors.toMap(tp -> tp, tp -> since)));
                for (TopicPartition tp : parts) consumer.seek(tp, at.get(tp) == null ? ends.get(tp) : at.get(tp).offset());
            } else {
                consumer.seekToBeginning(parts);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                boolean live = caughtUp.isDone();
                for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        handler.accept(r, live);
                    } catch (RuntimeException e) {
                        // A record the handler cannot use must not stop the projection: count and go on.
                        io.micrometer.core.instrument.Metrics.counter("livemod_follower_errors", "topic", topic.name()).increment();
                        LOG.warn("{}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), e.toString());
                    }
                }
                if (!live && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) caughtUp.complete(null);
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

package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.event.Topics;
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
import java.util.function.Consumer;

/**
 * Keeps a {@link FlagStore} equal to the flags topic: reads every partition from the start (no
 * consumer group: each gateway holds the whole projection), so a restart rebuilds the same content.
 * {@link #caughtUp()} completes when the topic has been read to the end offsets seen at start:
 * the gateway is ready only then.
 */
public final class FlagProjection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlagProjection.class);
    private final KafkaConsumer<String, Flag> consumer;
    private final FlagStore store;
    private final Consumer<Flag> listener;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;

    public FlagProjection(String bootstrap, FlagStore store, Consumer<Flag> listener) {
        this.store = store;
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                Topics.FLAGS.key().deserializer(), Topics.FLAGS.value().deserializer());
        this.thread = new Thread(this::run, "livemod-flag-projection");
        this.thread.setDaemon(true);
    }

    public FlagProjection start() {
        thread.start();
        return this;
    }

    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.FLAGS.name()).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(Topics.FLAGS.name(), p)).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                for (ConsumerRecord<String, Flag> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) continue;
                    store.put(r.value());
                    if (caughtUp.isDone()) listener.accept(r.value());
                }
                if (!caughtUp.isDone() && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    LOG.info("flag projection caught up: {} flags", store.size());
                    caughtUp.complete(null);
                }
            }
        } catch (WakeupException e) {
            if (running) caughtUp.completeExceptionally(e);
        } catch (RuntimeException e) {
            LOG.error("flag projection stopped: {}", e.toString());
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

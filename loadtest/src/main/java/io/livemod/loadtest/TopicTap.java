package io.livemod.loadtest;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows one topic from its end, read_committed, handing each record's raw value to a handler on
 * the tap's own thread: no deserializer, the handler reads the fields it needs. Fetches are
 * batched ({@code fetch.min.bytes}, {@code fetch.max.wait.ms}): the broker answers when it has that
 * much or the wait is over, so a tap costs little per record; the wait bounds what it adds to a
 * latency measured through it.
 */
final class TopicTap implements AutoCloseable {
    interface Handler {
        /** @param value a view into the consumer's fetch buffer, valid during the call only */
        void record(ByteBuffer value);
    }

    /** Values as views into the fetched batch (no copy); keys not read at all. */
    private static final class View implements Deserializer<ByteBuffer> {
        private final boolean skip;

        View(boolean skip) {
            this.skip = skip;
        }

        @Override
        public ByteBuffer deserialize(String topic, byte[] data) {
            return skip || data == null ? null : ByteBuffer.wrap(data);
        }

        @Override
        public ByteBuffer deserialize(String topic, Headers headers, ByteBuffer data) {
            return skip ? null : data;
        }
    }

    private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;
    private final String topic;
    private final Handler handler;
    private final Thread thread;
    private final CompletableFuture<Void> positioned = new CompletableFuture<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    TopicTap(String bootstrap, String topic, int fetchMinBytes, int fetchMaxWaitMs, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(
                io.livemod.event.KafkaClients.with(
                        bootstrap,
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                5000,
                                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                                fetchMinBytes,
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                fetchMaxWaitMs,
                                ConsumerConfig.CHECK_CRCS_CONFIG,
                                false)),
                new View(true),
                new View(false));
        this.thread = new Thread(this::run, "loadtest-tap-" + topic);
        this.thread.setDaemon(true);
    }

    TopicTap start() {
        thread.start();
        return this;
    }

    /** Completes once the tap's position is the topic's end: records written from then on are seen. */
    CompletableFuture<Void> positioned() {
        return positioned;
    }

    /** Records seen so far (all runs'). */
    long records() {
        return records.get();
    }

    /** Records the handler could not read. */
    long failures() {
        return failures.get();
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition)
                    .map(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolve "end" now, not at the first poll
            positioned.complete(null);
            while (running) {
                for (ConsumerRecord<ByteBuffer, ByteBuffer> r : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    if (r.value() == null) continue;
                    try {
                        handler.record(r.value());
                    } catch (RuntimeException e) {
                        failures.incrementAndGet(); // a record the tap cannot read must not stop it: counted, reported
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            positioned.completeExceptionally(e);
            if (running) throw e;
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's interrupt stays visible to it
        }
    }
}

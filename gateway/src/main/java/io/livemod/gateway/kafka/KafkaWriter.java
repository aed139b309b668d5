package io.livemod.gateway.kafka;

import io.livemod.event.KafkaClients;
import io.livemod.event.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The gateway's one Kafka producer, shared by every feature that writes (ingest, decisions, officer
 * actions, takedowns, claims, platforms, audit): acks=all and idempotent. A write's future completes
 * on the caller's Vert.x context once every record is acknowledged, so a 2xx means durably in
 * Kafka. Metadata is fetched at start and {@code max.block.ms} is short, so a send does not block
 * the event loop for long; when Kafka cannot take writes the future fails and the caller answers 503.
 */
public final class KafkaWriter implements AutoCloseable {
    /** The producer's buffer: 96 MiB. */
    public static final long BUFFER_MEMORY = 96L * 1024 * 1024;

    private final Vertx vertx;
    private final KafkaProducer<byte[], byte[]> producer;

    /** @param deliveryTimeout how long a record may wait for acks=all before the write fails (503) */
    public KafkaWriter(Vertx vertx, String bootstrap, Duration deliveryTimeout) {
        this.vertx = vertx;
        long delivery = deliveryTimeout.toMillis();
        this.producer = new KafkaProducer<>(
                KafkaClients.with(
                        bootstrap,
                        Map.ofEntries(
                                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 2),
                                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024),
                                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 200),
                                // Above the ingest in-flight cap (IngestConfig.maxInFlightBytes), so send() never waits
                                // for buffer space.
                                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY),
                                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery),
                                // Kafka requires delivery >= linger + request timeout.
                                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                                        Math.min(10_000, delivery * 2 / 3)))),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Fetches the topics' metadata now, off the event loop, so the first request does not wait for it. */
    public void warmUp(List<Topic<?, ?>> topics) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (Topic<?, ?> t : topics) {
            while (true) {
                try {
                    producer.partitionsFor(t.name());
                    break;
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    // A topic created moments ago takes a little while to reach every broker's metadata.
                    if (System.nanoTime() > deadline) throw e;
                }
            }
        }
    }

    /** One typed record; completes on the calling context once it is acknowledged (acks=all), fails if it is not. */
    public <K, V> Future<Void> send(Topic<K, V> topic, K key, V value) {
        return sendAll(topic, List.of(Map.entry(key, value)));
    }

    /** Typed records in order; completes on the calling context once all are acknowledged, fails at the first that is not. */
    public <K, V> Future<Void> sendAll(Topic<K, V> topic, List<Map.Entry<K, V>> records) {
        if (records.isEmpty()) return Future.succeededFuture();
        Context ctx = vertx.getOrCreateContext();
        Promise<Void> done = Promise.promise();
        int[] pending = {records.size()};
        boolean[] failed = {false};
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(records.size());
        for (Map.Entry<K, V> r : records) {
            out.add(new ProducerRecord<>(
                    topic.name(),
                    topic.key().serializer().serialize(topic.name(), r.getKey()),
                    topic.value().serializer().serialize(topic.name(), r.getValue())));
        }
        try {
            for (ProducerRecord<byte[], byte[]> rec : out) {
                // The callback carries each outcome; the returned Future adds nothing.
                var unused = producer.send(
                        rec,
                        (meta, err) -> ctx.runOnContext(v -> {
                            if (failed[0]) return;
                            if (err != null) {
                                failed[0] = true;
                                done.fail(err);
                            } else if (--pending[0] == 0) {
                                done.complete();
                            }
                        }));
            }
        } catch (RuntimeException e) {
            // Buffer full or metadata unavailable: Kafka cannot take this batch now.
            if (!failed[0]) {
                failed[0] = true;
                done.fail(e);
            }
        }
        return done.future();
    }

    /**
     * Sends every record, already serialized (ingest's binary events), and completes, on {@code ctx},
     * once each one is acknowledged or failed: the result has bit i set when record i is durably in Kafka. Never fails, so the caller can
     * confirm what was stored and release what was not (a partial failure must not lose the acked).
     */
    public Future<BitSet> sendEach(Context ctx, List<ProducerRecord<byte[], byte[]>> records) {
        BitSet acked = new BitSet(records.size());
        if (records.isEmpty()) return Future.succeededFuture(acked);
        Promise<BitSet> done = Promise.promise();
        // Callbacks run on the producer's I/O thread; only the last one hops to the caller's context,
        // so a 500-event batch costs the event loop one task, not 500.
        AtomicInteger pending = new AtomicInteger(records.size());
        Runnable oneDone = () -> {
            if (pending.decrementAndGet() == 0) {
                ctx.runOnContext(v -> {
                    synchronized (acked) {
                        done.complete((BitSet) acked.clone());
                    }
                });
            }
        };
        for (int i = 0; i < records.size(); i++) {
            int index = i;
            try {
                // The callback carries each outcome; the returned Future adds nothing.
                var unused = producer.send(records.get(i), (meta, err) -> {
                    if (err == null) {
                        synchronized (acked) {
                            acked.set(index);
                        }
                    }
                    oneDone.run();
                });
            } catch (RuntimeException e) {
                // Buffer full or metadata unavailable: this record was not taken.
                oneDone.run();
            }
        }
        return done.future();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

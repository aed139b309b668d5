package io.livemod.bench.ingest;

import io.livemod.event.Comment;
import io.livemod.event.Topics;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling: the raw Kafka producer with the gateway's settings (acks=all, idempotent, lz4,
 * linger 2 ms) writing comment records of the same size to the same broker, no HTTP in between.
 */
final class ProducerBaseline {
    private ProducerBaseline() {}

    static Measurement.Result run(String bootstrap, double warmup, double seconds) throws InterruptedException {
        Measurement m = new Measurement(warmup, seconds);
        // As many records in flight as the WebSocket run keeps (4 connections × 4 frames × 500).
        Semaphore window = new Semaphore(8_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.LINGER_MS_CONFIG,
                        2,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        128 * 1024),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long seq = 0;
            while (m.running()) {
                seq++;
                Comment c = Comment.builder("bench-baseline", "b-" + seq)
                        .streamId("live-" + seq % 20)
                        .userId("u" + seq % 5000)
                        .userName("Người xem " + seq % 5000)
                        .text("Mọi người vào xem live bán hàng nhé, giá rẻ lắm " + seq)
                        .ts("2026-11-28T20:00:00+07:00")
                        .receivedAt(seq)
                        .build();
                byte[] key = Topics.COMMENTS.key().serializer().serialize(Topics.COMMENTS.name(), c.key());
                byte[] value = Topics.COMMENTS.value().serializer().serialize(Topics.COMMENTS.name(), c);
                window.acquire();
                long sent = System.nanoTime();
                // The callback carries each outcome; the returned Future adds nothing.
                var unused = producer.send(new ProducerRecord<>(Topics.COMMENTS.name(), key, value), (meta, err) -> {
                    window.release();
                    if (err == null) m.acked(1, sent);
                    else m.failed();
                });
            }
            producer.flush();
        }
        return m.result("Kafka producer alone (baseline)");
    }
}

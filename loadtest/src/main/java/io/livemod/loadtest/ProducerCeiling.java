package io.livemod.loadtest;

import io.livemod.event.Comment;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling a load run is compared with: how many comment-sized records per second a raw Kafka
 * producer, configured like the gateway's (acks=all, idempotent, lz4), writes to the same broker,
 * on a scratch topic shaped like the comments topic (deleted afterwards).
 */
public final class ProducerCeiling {
    private ProducerCeiling() {}

    public record Result(long records, double seconds, double recordsPerSecond, int recordBytes) {}

    public static Result measure(String bootstrap, Duration duration) throws Exception {
        String topic = "livemod.loadtest.ceiling-" + Long.toString(System.nanoTime(), 36);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int brokers =
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            admin.createTopics(List.of(
                            new NewTopic(topic, io.livemod.event.TopicSizing.partitions(Topics.COMMENTS), (short)
                                    Math.min(3, brokers))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            // A produce to a topic whose partitions have no leader yet stalls in retries: wait first.
            io.livemod.event.TopicProvisioner.awaitLeaders(admin, List.of(topic));
            try {
                return produce(bootstrap, topic, duration);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Result produce(String bootstrap, String topic, Duration duration) {
        Random r = new Random(7);
        byte[][] values = new byte[256][];
        byte[][] keys = new byte[256][];
        for (int i = 0; i < values.length; i++) {
            Comment c = Comment.builder("demo-gapo", "ceiling-" + i)
                    .streamId("live-" + (i % 16))
                    .userId("user-" + r.nextInt(50_000))
                    .text(CommentCorpus.clean(r))
                    .ts("2026-11-28T12:00:00Z")
                    .build();
            values[i] = Json.bytes(c);
            keys[i] = c.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
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
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long n = 0;
            while (System.nanoTime() < end) {
                int i = (int) (n++ & 255);
                var unused = p.send(new ProducerRecord<>(topic, keys[i], values[i])); // fire and forget: flushed below
            }
            p.flush();
            double secs = (System.nanoTime() - start) / 1e9;
            return new Result(n, secs, n / secs, values[0].length);
        }
    }
}

package io.livemod.topology;

import io.livemod.event.KafkaClients;
import io.livemod.event.RuleSetRecord;
import io.livemod.event.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Reads and writes rule-set versions on the rules topic. */
public final class RulesPublisher {
    private RulesPublisher() {}

    /** Publishes a version and waits until it is durably written (acks=all). */
    public static void publish(String bootstrap, RuleSetRecord rec)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (KafkaProducer<String, RuleSetRecord> p = new KafkaProducer<>(
                KafkaClients.with(
                        bootstrap,
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true)),
                Topics.RULES.key().serializer(),
                Topics.RULES.value().serializer())) {
            p.send(new ProducerRecord<>(Topics.RULES.name(), rec.version(), rec))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The version published last, if any. */
    public static Optional<RuleSetRecord> active(String bootstrap) {
        try (KafkaConsumer<String, RuleSetRecord> c = new KafkaConsumer<>(
                KafkaClients.with(
                        bootstrap,
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed")),
                Topics.RULES.key().deserializer(),
                Topics.RULES.value().deserializer())) {
            List<TopicPartition> parts = List.of(new TopicPartition(Topics.RULES.name(), 0));
            c.assign(parts);
            c.seekToBeginning(parts);
            long end = c.endOffsets(parts).get(parts.get(0));
            RuleSetRecord newest = null;
            while (c.position(parts.get(0)) < end) {
                for (ConsumerRecord<String, RuleSetRecord> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && (newest == null || r.value().publishedAt() >= newest.publishedAt()))
                        newest = r.value();
                }
            }
            return Optional.ofNullable(newest);
        }
    }
}

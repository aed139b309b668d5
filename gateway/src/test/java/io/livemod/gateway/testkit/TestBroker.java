package io.livemod.gateway.testkit;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Topic;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One embedded KRaft broker for all gateway test classes of this JVM (a broker costs seconds to
 * start), with every topic provisioned. Tests isolate themselves by platform id, never by topic.
 */
public final class TestBroker {
    private static EmbeddedBroker broker;

    private TestBroker() {}

    public static synchronized String bootstrap() {
        if (broker == null) {
            try {
                broker = EmbeddedBroker.start(Files.createTempDirectory("livemod-gw-test"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            } catch (Exception e) {
                throw new IllegalStateException("cannot provision topics: " + e, e);
            }
        }
        return broker.bootstrap();
    }

    /** Every record of the topic written so far (up to the end offsets at call time), in no particular order. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic) {
        return readAll(bootstrap(), topic);
    }

    /** The same, from another broker. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, Topic<K, V> topic) {
        try (KafkaConsumer<K, V> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                topic.key().deserializer(),
                topic.value().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<K, V>> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<K, V> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) out.add(r);
                }
            }
            return out;
        }
    }
}

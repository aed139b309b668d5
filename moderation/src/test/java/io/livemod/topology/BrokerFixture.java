package io.livemod.topology;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.RuleSetRecord;
import io.livemod.event.Topic;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/** One embedded broker for a test class, with the project's topics, and the clients the tests need. */
final class BrokerFixture implements AutoCloseable {
    final EmbeddedBroker broker;
    final Admin admin;

    BrokerFixture(Path dir) throws Exception {
        this(EmbeddedBroker.start(dir, 0));
    }

    /** @param broker a started broker; the fixture's clients use its plaintext listener */
    BrokerFixture(EmbeddedBroker broker) throws Exception {
        this.broker = broker;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
        TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
        awaitLeaders(admin, Topics.ALL.stream().map(Topic::name).toList());
    }

    /**
     * Waits until every partition answers a leader request. Producing to a partition created a moment
     * ago can meet NOT_LEADER_OR_FOLLOWER, after which Kafka 4.4's idempotent producer may retry one
     * batch with OUT_OF_ORDER_SEQUENCE until its delivery timeout (2 minutes).
     */
    static void awaitLeaders(Admin admin, List<String> topics) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    var parts = admin.describeTopics(topics).allTopicNames().get().values().stream()
                            .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
                    admin.listOffsets(parts).all().get();
                    return true;
                });
    }

    String bootstrap() {
        return broker.bootstrap();
    }

    void publishRules(String version, String yaml, long publishedAt) throws Exception {
        RulesPublisher.publish(bootstrap(), new RuleSetRecord(version, yaml, publishedAt, "test"));
    }

    <K, V> KafkaProducer<K, V> producer(Serializer<K> k, Serializer<V> v) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                k,
                v);
    }

    /** Everything committed on the topic right now, read from the start with read_committed. */
    <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic) {
        try (KafkaConsumer<K, V> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                topic.key().deserializer(),
                topic.value().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic.name()).stream()
                    .map(PartitionInfo::partition)
                    .map(p -> new TopicPartition(topic.name(), p))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<K, V>> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /**
     * Records of {@code topic} the group has not committed past, over every partition: a partition the
     * group never committed counts from its start (leaving it out let a restart test read the flags
     * before the new instance had processed a partition the killed one never committed).
     */
    long lag(String applicationId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(topic))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<TopicPartition, OffsetSpec> latest =
                admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /**
     * Whether no transaction is open on any partition of {@code topic}: its last stable offset is its end.
     * A transaction's commit becomes visible partition by partition: the group's offsets can show as
     * committed while the commit marker has not yet reached an output partition, and a read_committed
     * reader then stops before that transaction's records. Tests that read an output after
     * {@link #lag} reaches 0 wait for this first.
     */
    boolean settled(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        var end = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all()
                .get();
        return latest.keySet().stream()
                .allMatch(tp -> stable.get(tp).offset() == end.get(tp).offset());
    }

    @Override
    public void close() {
        admin.close();
        broker.close();
    }
}

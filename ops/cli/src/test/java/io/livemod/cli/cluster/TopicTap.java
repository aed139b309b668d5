package io.livemod.cli.cluster;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.Topic;
import io.livemod.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads what the cluster committed to the comments and flags topics, from the beginning. */
final class TopicTap {
    private TopicTap() {}

    static List<Comment> comments(String bootstrap) {
        return readAll(bootstrap, Topics.COMMENTS);
    }

    static List<Flag> flags(String bootstrap) {
        return readAll(bootstrap, Topics.FLAGS);
    }

    private static <V> List<V> readAll(String bootstrap, Topic<String, V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> c =
                new KafkaConsumer<>(p, topic.key().deserializer(), topic.value().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<V> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, V> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) out.add(r.value());
                }
            }
            return out;
        }
    }
}

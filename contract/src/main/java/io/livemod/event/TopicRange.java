package io.livemod.event;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads, once, the records of a topic stamped in [from, to) (Kafka record timestamps), every
 * partition, with no consumer group and committed records only: what a rules backtest replays
 * from the retained comments topic. Each partition is bounded by the offsets the broker gives for
 * the two times, so the read ends even while producers keep writing. A record that does not
 * deserialize is counted and skipped. Blocking: call it off any event loop.
 */
public final class TopicRange {
    /** How the read went: records kept by the sink, records skipped as unreadable, and whether it stopped early. */
    public record Read(long records, long unreadable, boolean truncated, String stoppedBy) {}

    /** Takes a record value and its timestamp; answers whether it kept it (kept records count toward the limit). */
    public interface Sink<V> {
        boolean accept(V value, long timestamp);
    }

    private TopicRange() {}

    /**
     * Hands each record value in range to {@code each} (with its record timestamp) until it has kept
     * {@code limit} of them, for at most {@code budget} of wall time; {@code stoppedBy} says which
     * bound ended the read early ("limit" or "time"), null when the range was read whole.
     */
    public static <V> Read read(
            String bootstrap,
            Topic<?, V> topic,
            long from,
            long to,
            long limit,
            Duration budget,
            Clock clock,
            Sink<V> each) {
        Map<String, Object> config = KafkaClients.with(
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
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "livemod-range-" + UUID.randomUUID())); // TLS/SASL as every client
        long deadline = clock.millis() + budget.toMillis();
        long records = 0, unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name(), budget).stream()
                    .map(PartitionInfo::partition)
                    .map(p -> new TopicPartition(topic.name(), p))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, budget);
            Map<TopicPartition, Long> start = offsets(consumer, parts, from, ends, budget);
            Map<TopicPartition, Long> stop = offsets(consumer, parts, to, ends, budget);
            consumer.assign(parts);
            Map<TopicPartition, Long> open = new HashMap<>();
            for (TopicPartition tp : parts) {
                if (start.get(tp) < stop.get(tp)) {
                    consumer.seek(tp, start.get(tp));
                    open.put(tp, stop.get(tp));
                }
            }
            consumer.pause(parts.stream().filter(tp -> !open.containsKey(tp)).toList());
            while (!open.isEmpty()) {
                if (clock.millis() > deadline) return new Read(records, unreadable, true, "time");
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = open.get(tp);
                    if (end == null || r.offset() >= end) continue;
                    if (records >= limit) return new Read(records, unreadable, true, "limit");
                    V value;
                    try {
                        value = r.value() == null
                                ? null
                                : topic.value().deserializer().deserialize(topic.name(), r.value());
                    } catch (SerializationException e) {
                        unreadable++;
                        continue;
                    }
                    if (value == null) {
                        unreadable++;
                        continue;
                    }
                    if (each.accept(value, r.timestamp())) records++;
                }
                for (TopicPartition tp : List.copyOf(open.keySet())) {
                    if (consumer.position(tp) >= open.get(tp)) {
                        open.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
        return new Read(records, unreadable, false, null);
    }

    /** Per partition, the first offset stamped at or after {@code at}; the end offset where none is. */
    private static Map<TopicPartition, Long> offsets(
            KafkaConsumer<?, ?> consumer,
            List<TopicPartition> parts,
            long at,
            Map<TopicPartition, Long> ends,
            Duration budget) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(
                parts.stream().collect(Collectors.toMap(tp -> tp, tp -> Math.max(0, at))), budget);
        Map<TopicPartition, Long> out = new HashMap<>();
        for (TopicPartition tp : parts) {
            OffsetAndTimestamp o = found.get(tp);
            out.put(tp, o == null ? ends.get(tp) : Math.min(o.offset(), ends.get(tp)));
        }
        return out;
    }
}

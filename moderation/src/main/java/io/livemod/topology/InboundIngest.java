package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.DeadLetter;
import io.livemod.event.InboundTopics;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topic;
import io.livemod.event.Topics;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Kafka-native ingest, a sub-topology of its own:
 * <pre>
 * livemod.inbound.&lt;platform&gt;.v1 ─ inbound-validate [inbound-ids-store] ─┬─▶ COMMENTS       (platform/stream)
 *                                                                   ├─▶ STREAM_EVENTS  (platform/stream)
 *                                                                   └─▶ DEAD_LETTER    (reason names the field)
 * </pre>
 * It writes exactly what the gateway writes for the same event, so everything downstream reads
 * Kafka-native events as it reads HTTP ones. One pattern subscription covers every platform's topic;
 * a topic created later is picked up at the consumers' next metadata refresh.
 */
final class InboundIngest {
    private InboundIngest() {}

    static void add(StreamsBuilder builder, Clock clock) {
        builder.addStateStore(InboundValidator.store());
        KStream<String, Object> checked = builder.stream(
                        InboundTopics.ALL,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                                .withTimestampExtractor(new ReceiveTimes(clock))
                                .withName("inbound-source"))
                .process(() -> new InboundValidator(clock), Named.as("inbound-validate"), InboundValidator.STORE);
        to(checked, Comment.class, Topics.COMMENTS, "inbound-comments");
        to(checked, StreamEvent.class, Topics.STREAM_EVENTS, "inbound-stream-events");
        to(checked, DeadLetter.class, Topics.DEAD_LETTER, "inbound-dead-letters");
    }

    private static <V> void to(KStream<String, Object> checked, Class<V> type, Topic<String, V> topic, String name) {
        checked.filter((k, v) -> type.isInstance(v), Named.as(name + "-filter"))
                .mapValues(type::cast, Named.as(name))
                .to(topic.name(), Produced.with(topic.key(), topic.value()).withName(name + "-sink"));
    }

    /**
     * The receive time of an inbound record: the broker's LogAppendTime, which inbound topics are created
     * with, so a replay gives every record the time it first had. A topic left on CreateTime would carry
     * the platform's clock, which windows must not trust: then the time it is read.
     */
    record ReceiveTimes(Clock clock) implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> rec, long partitionTime) {
            return rec.timestampType() == TimestampType.LOG_APPEND_TIME && rec.timestamp() > 0
                    ? rec.timestamp()
                    : clock.millis();
        }
    }
}

package io.livemod.ingest;

import io.livemod.event.Comment;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topic;
import io.livemod.event.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What a platform can send: each kind has its wire name, its topic and its dedupe prefix. */
public enum EventKind {
    COMMENT("comment", "c", Topics.COMMENTS),
    STREAM_EVENT("stream-event", "s", Topics.STREAM_EVENTS);

    private final String wire;
    private final String prefix;

    @SuppressWarnings("ImmutableEnumChecker") // a Topic is a constant of Topics, never changed after it is built
    private final Topic<String, ?> topic;

    EventKind(String wire, String prefix, Topic<String, ?> topic) {
        this.wire = wire;
        this.prefix = prefix;
        this.topic = topic;
    }

    public String wire() {
        return wire;
    }

    String prefix() {
        return prefix;
    }

    public static EventKind fromWire(String s) {
        for (EventKind k : values()) if (k.wire.equals(s)) return k;
        return null;
    }

    /** The Kafka record of a validated event of this kind. */
    public ProducerRecord<byte[], byte[]> record(Object event) {
        String key = event instanceof Comment c ? c.key() : ((StreamEvent) event).key();
        return new ProducerRecord<>(
                topic.name(), topic.key().serializer().serialize(topic.name(), key), serialize(topic, event));
    }

    @SuppressWarnings("unchecked")
    private static <V> byte[] serialize(Topic<String, V> t, Object event) {
        return t.value().serializer().serialize(t.name(), (V) event);
    }
}

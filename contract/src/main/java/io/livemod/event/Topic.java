package io.livemod.event;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with its serdes and the settings it is provisioned with. Gateway, moderation and
 * loadtest all name topics through {@link Topics}, never by string.
 */
public record Topic<K, V>(String name, Serde<K> key, Serde<V> value, int partitions, Map<String, String> config) {
    public Topic {
        config = Map.copyOf(config);
    }
}

package io.livemod.topology;

import io.livemod.event.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Store helpers. Windowed state (seconds to minutes) lives in changelogged in-memory stores: it is
 * small once purged, and a restart restores it from the changelog. Only the 90-day offender history
 * is in RocksDB, whose memory {@link BoundedRocksDb} caps.
 */
final class StateStores {
    private StateStores() {}

    /**
     * How far behind its task's stream time a record may arrive and still find its state: purges keep
     * this much beyond each rule's window. Repartitioned records come from several upstream tasks, each
     * at its own pace, so a slice purge running between two copies of a text could otherwise drop state
     * a late copy still belongs to (one duplicate-flood flag in 32,589 differed between two benchmark runs).
     */
    static final long LATE_MS = java.time.Duration.ofMinutes(1).toMillis();

    static <V> StoreBuilder<KeyValueStore<String, V>> inMemoryJson(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
    }

    static <V> StoreBuilder<KeyValueStore<String, V>> persistentJson(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
    }

    /** Deletes the entries matching {@code stale}; keys are collected first, the iterator must not see deletes. */
    static <V> int deleteWhere(KeyValueStore<String, V> store, Predicate<V> stale) {
        List<String> doomed = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (kv.value == null || stale.test(kv.value)) doomed.add(kv.key);
            }
        }
        doomed.forEach(store::delete);
        return doomed.size();
    }
}

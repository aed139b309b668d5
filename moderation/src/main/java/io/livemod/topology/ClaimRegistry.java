package io.livemod.topology;

import io.livemod.claims.ClaimIndex;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry of false claims in every moderation instance: a global store ({@link #STORE}) fed by
 * the compacted claims topic, so every stream thread matches against all claims whatever partitions
 * it owns. The matcher needs an index, not a key-value store: it is rebuilt from the store when
 * the store changed, at most once per {@link #REBUILD_MS} of the injected clock (an import of
 * thousands of claims must not cost a rebuild per comment), and once at the first comment after a
 * start (a global store is restored without its update processor). One thread rebuilds while the
 * others keep matching against the previous index.
 */
final class ClaimRegistry {
    static final String STORE = "claim-registry-store";
    static final long REBUILD_MS = 1_000;

    /** The index with the claims it was built from (severity and text for flags and alerts). */
    record Snapshot(ClaimIndex index, Map<String, ClaimRecord> claims, long changes) {}

    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock building = new ReentrantLock();
    private volatile Snapshot current;
    private volatile long builtAt;

    ClaimRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Adds the global store to a built topology, with named source and update processor. */
    void addTo(Topology topology) {
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Topics.CLAIMS.value())
                        .withLoggingDisabled(), // a global store's changelog is its topic
                "claims-source", Topics.CLAIMS.key().deserializer(), Topics.CLAIMS.value().deserializer(), Topics.CLAIMS.name(),
                "claim-registry", () -> new Updater(this));
    }

    /** The current index, rebuilt first if the store changed and the last build is old enough. */
    Snapshot snapshot(ReadOnlyKeyValueStore<String, ClaimRecord> store) {
        Snapshot s = current;
        long seen = changes.get();
        if (s != null && (s.changes() == seen || clock.millis() - builtAt < REBUILD_MS)) return s;
        if (s == null) {
            building.lock(); // nothing to match against yet: wait for the first build
        } else if (!building.tryLock()) {
            return s;
        }
        try {
            if (current == s) {
                current = build(store, seen);
                builtAt = clock.millis();
            }
            return current;
        } finally {
            building.unlock();
        }
    }

    private static Snapshot build(ReadOnlyKeyValueStore<String, ClaimRecord> store, long changes) {
        Map<String, ClaimRecord> claims = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (KeyValueIterator<String, ClaimRecord> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ClaimRecord> kv = it.next();
                if (kv.value == null || kv.value.text() == null) continue;
                claims.put(kv.key, kv.value);
                texts.put(kv.key, kv.value.text());
            }
        }
        return new Snapshot(ClaimIndex.build(texts), Map.copyOf(claims), changes);
    }

    /** The global store's update processor: the last version of a claim wins; a tombstone removes it. */
    private static final class Updater implements Processor<String, ClaimRecord, Void, Void> {
        private final ClaimRegistry registry;
        private KeyValueStore<String, ClaimRecord> store;

        Updater(ClaimRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, ClaimRecord> r) {
            if (r.key() == null) return;
            if (r.value() == null) store.delete(r.key());
            else store.put(r.key(), r.value());
            registry.changes.incrementAndGet();
        }
    }
}

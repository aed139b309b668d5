package io.livemod.topology;

import io.livemod.claims.ClaimIndex;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of false claims in every moderation instance: a global store ({@link #STORE}) fed by
 * the compacted claims topic, so every stream thread matches against all claims whatever partitions
 * it owns. The matcher needs an index, not a key-value store: it is rebuilt from the store when the
 * store changed, at most once per {@link #REBUILD_MS} of the injected clock, on a builder thread of
 * its own, while the stream threads keep matching against the previous index: a rebuild of 10,000
 * claims takes 0.2–0.5 s, which must not stall a stream thread. Only the very first index is built
 * on the stream thread that needs it (a global store is restored without its update processor, so
 * nothing announces the restored claims), and the others wait for it.
 */
final class ClaimRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimRegistry.class);
    static final String STORE = "claim-registry-store";
    static final long REBUILD_MS = 1_000;

    /** The index with the claims it was built from (severity and text for flags and alerts). */
    record Snapshot(ClaimIndex index, Map<String, ClaimRecord> claims, long changes) {}

    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicBoolean building = new AtomicBoolean();
    private final ReentrantLock first = new ReentrantLock();
    /** One builder thread at most, gone when idle: a topology built in a test leaves no thread behind. */
    private final ThreadPoolExecutor builder =
            new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "claim-index-builder");
                t.setDaemon(true);
                return t;
            });

    private volatile Snapshot current;
    private volatile long builtAt;

    ClaimRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Adds the global store to a built topology, with named source and update processor. */
    void addTo(Topology topology) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Topics.CLAIMS.value())
                        .withLoggingDisabled(), // a global store's changelog is its topic
                "claims-source",
                Topics.CLAIMS.key().deserializer(),
                Topics.CLAIMS.value().deserializer(),
                Topics.CLAIMS.name(),
                "claim-registry",
                () -> new Updater(this));
    }

    /** The current index; starts a rebuild in the background if the store changed and the last one is old enough. */
    Snapshot snapshot(ReadOnlyKeyValueStore<String, ClaimRecord> store) {
        Snapshot s = current;
        if (s == null) return firstBuild(store);
        if (s.changes() != changes.get()
                && clock.millis() - builtAt >= REBUILD_MS
                && building.compareAndSet(false, true)) {
            builtAt = clock.millis();
            builder.execute(() -> {
                try {
                    current = build(store, changes.get());
                } catch (RuntimeException e) { // keep matching against the previous index; the next change retries
                    LOG.warn("claim index not rebuilt: {}", e.toString());
                } finally {
                    building.set(false);
                }
            });
        }
        return s;
    }

    private Snapshot firstBuild(ReadOnlyKeyValueStore<String, ClaimRecord> store) {
        first.lock();
        try {
            if (current == null) {
                builtAt = clock.millis();
                current = build(store, changes.get());
            }
            return current;
        } finally {
            first.unlock();
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

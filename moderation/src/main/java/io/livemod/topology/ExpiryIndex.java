package io.livemod.topology;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys of a windowed store, queued by the time their entry was last known to be fresh, so a purge
 * reads only the entries that may have left their window instead of walking the store.
 *
 * <p>Why not a walk over key ranges: an in-memory store's {@code range()} and {@code all()} copy every
 * key of the range into a new {@code TreeSet} before the first {@code next()}, and a cached store copies
 * its cache's keys too. A purge that visited 2,000 keys a second through a range therefore cost the
 * whole store's size every second, per store and task: at a steady 2,000 comments/s that was about a
 * third of the stream threads' CPU (JFR, issue 13), and it did not shrink as batches grew, which is why
 * it weighed on steady rates and hardly showed off a backlog.
 *
 * <p>A key is queued when its entry is created, with that record's time. A purge pops keys while the
 * head's time is at or before the horizon, reads the entry and deletes it if it is stale; an entry that
 * is still fresh goes back to the tail with its newest time (at least the horizon + 1, so an entry kept
 * for another reason, e.g. an open campaign, is looked at again a second later, not in a loop). The
 * queue is only roughly ordered (late records, re-queued keys), which delays a purge, never makes it
 * wrong: nothing is deleted without reading the entry. A key deleted and created again may be queued
 * twice; the extra entry drops out when the key is gone.
 *
 * <p>Not persisted: {@link #seed} rebuilds it from the store in the processor's {@code init()}, which
 * Kafka Streams calls once the task's stores are restored.
 */
final class ExpiryIndex<V> {
    private final ToLongFunction<V> newest;
    private String[] keys = new String[1024];
    private long[] due = new long[1024];
    private int head;
    private int size;

    /** @param newest the newest record time an entry holds: it stays until the horizon passes that */
    ExpiryIndex(ToLongFunction<V> newest) {
        this.newest = newest;
    }

    /** Forgets everything and queues every key of the store by its entry's newest time. */
    void seed(KeyValueStore<String, V> store) {
        Arrays.fill(keys, null);
        head = 0;
        size = 0;
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (kv.value != null) add(kv.key, newest.applyAsLong(kv.value));
            }
        }
    }

    /** Queues a key whose entry was just created by a record of time {@code at}. */
    void add(String key, long at) {
        if (size == keys.length) grow();
        int tail = (head + size) & (keys.length - 1);
        keys[tail] = key;
        due[tail] = at;
        size++;
    }

    /**
     * Deletes the stale entries among the keys due by {@code horizon}, reading at most {@code max} of
     * them, and returns how many it deleted.
     */
    int purge(KeyValueStore<String, V> store, long horizon, Predicate<V> stale, int max) {
        int deleted = 0;
        for (int visited = 0; size > 0 && visited < max && due[head] <= horizon; visited++) {
            String key = keys[head];
            keys[head] = null;
            head = (head + 1) & (keys.length - 1);
            size--;
            V v = store.get(key);
            if (v == null) continue;
            if (stale.test(v)) {
                store.delete(key);
                deleted++;
            } else {
                add(key, Math.max(newest.applyAsLong(v), horizon + 1));
            }
        }
        return deleted;
    }

    int size() {
        return size;
    }

    private void grow() {
        int n = keys.length;
        String[] k = new String[n * 2];
        long[] d = new long[n * 2];
        for (int i = 0; i < size; i++) {
            k[i] = keys[(head + i) & (n - 1)];
            d[i] = due[(head + i) & (n - 1)];
        }
        keys = k;
        due = d;
        head = 0;
    }
}

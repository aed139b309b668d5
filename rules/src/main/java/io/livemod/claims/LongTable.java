package io.livemod.claims;

import java.util.Arrays;

/**
 * An immutable open-addressing map from 64-bit token hashes to values, built once. The matcher
 * looks up every token of every comment here: a {@code HashMap<Long, V>} would box each key.
 */
final class LongTable<V> {
    private final long[] keys;
    private final Object[] values;
    private final int mask;
    private final int size;

    private LongTable(long[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    static <V> LongTable<V> of(java.util.Map<Long, V> entries) {
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) * 2 - 1);
        long[] keys = new long[cap];
        Object[] values = new Object[cap];
        for (var e : entries.entrySet()) {
            int i = slot(e.getKey(), cap - 1);
            while (values[i] != null) i = (i + 1) & (cap - 1);
            keys[i] = e.getKey();
            values[i] = e.getValue();
        }
        return new LongTable<>(keys, values, entries.size());
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) return null;
            if (keys[i] == key) return (V) v;
        }
    }

    boolean contains(long key) {
        return get(key) != null;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "LongTable" + Arrays.toString(Arrays.copyOf(keys, Math.min(8, keys.length)));
    }
}

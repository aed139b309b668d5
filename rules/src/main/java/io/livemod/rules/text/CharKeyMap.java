package io.livemod.rules.text;

import java.util.Arrays;

/**
 * An immutable open-addressing map from short char sequences to values, looked up by a slice of a
 * char array so the hot path allocates no String per word.
 */
final class CharKeyMap<V> {
    private final char[][] keys;
    private final Object[] values;
    private final int mask;
    private final int minLength, maxLength; // most words are rejected on length alone
    private final long[] shape = new long[64]; // bitset over (length, first, last char): a cheap pre-filter

    CharKeyMap(java.util.Map<String, V> entries) {
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new char[cap][];
        values = new Object[cap];
        mask = cap - 1;
        minLength = entries.keySet().stream().mapToInt(String::length).min().orElse(1);
        maxLength = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        entries.forEach((k, v) -> {
            char[] key = k.toCharArray();
            int sh = shape(key, 0, key.length);
            shape[sh >>> 6] |= 1L << sh;
            int i = hash(key, 0, key.length) & mask;
            while (keys[i] != null && !Arrays.equals(keys[i], key)) i = (i + 1) & mask;
            keys[i] = key;
            values[i] = v;
        });
    }

    @SuppressWarnings("unchecked")
    V get(char[] buf, int from, int to) {
        if (to - from < minLength || to - from > maxLength) return null;
        int sh = shape(buf, from, to);
        if ((shape[sh >>> 6] & (1L << sh)) == 0) return null;
        int i = hash(buf, from, to) & mask;
        for (char[] k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (Arrays.equals(k, 0, k.length, buf, from, to)) return (V) values[i];
        }
        return null;
    }

    private static int shape(char[] a, int from, int to) {
        return (a[from] * 31 + a[to - 1] * 7 + (to - from)) & 4095;
    }

    private static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + a[i];
        return h ^ (h >>> 16);
    }
}

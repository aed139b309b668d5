package io.livemod.rules.automaton;

import java.util.Arrays;

/** Growable list of (pattern id, end position) pairs filled by {@link Automaton#scan}. Per evaluation, or reused by one thread via {@link #clear}. */
public final class Hits {
    private int[] data = new int[32];
    private int size;

    void add(int pattern, int end) {
        if (size + 2 > data.length) data = Arrays.copyOf(data, data.length * 2);
        data[size++] = pattern;
        data[size++] = end;
    }

    /** Empties the list for reuse by the next scan. */
    public void clear() {
        size = 0;
    }

    public int size() {
        return size >> 1;
    }

    public int pattern(int i) {
        return data[i << 1];
    }

    /** End of the hit in the scanned text, exclusive. */
    public int end(int i) {
        return data[(i << 1) + 1];
    }
}

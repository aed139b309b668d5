package io.livemod.rules.text;

import java.util.Arrays;

/**
 * Growable parallel arrays: one normalized char, the original UTF-16 span it came from, the steps
 * that produced it and the word boundary before it. Package-private scratch for {@link Normalizer}.
 */
final class Buf {
    static final byte NONE = 0, SOFT = 1, HARD = 2;

    char[] ch;
    int[] st;
    int[] en;
    int[] bits;
    byte[] bnd;
    int n;

    Buf(int capacity) {
        int c = Math.max(16, capacity);
        ch = new char[c];
        st = new int[c];
        en = new int[c];
        bits = new int[c];
        bnd = new byte[c];
    }

    /** Empties the buffer for reuse, keeping its arrays. */
    Buf clear() {
        n = 0;
        return this;
    }

    /** Whether the arrays grew past {@code limit}: a scratch buffer that big is dropped, not kept. */
    boolean oversized(int limit) {
        return ch.length > limit;
    }

    void add(char c, int start, int end, int stepBits, byte boundary) {
        if (n == ch.length) grow();
        ch[n] = c;
        st[n] = start;
        en[n] = end;
        bits[n] = stepBits;
        bnd[n] = boundary;
        n++;
    }

    private void grow() {
        int c = ch.length * 2;
        ch = Arrays.copyOf(ch, c);
        st = Arrays.copyOf(st, c);
        en = Arrays.copyOf(en, c);
        bits = Arrays.copyOf(bits, c);
        bnd = Arrays.copyOf(bnd, c);
    }
}

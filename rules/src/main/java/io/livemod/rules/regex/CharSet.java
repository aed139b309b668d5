package io.livemod.rules.regex;

/** An over-approximate set of chars: exact for ASCII, one flag for everything else. Enough to tell overlap. */
record CharSet(long lo, long hi, boolean other) {
    static final CharSet NONE = new CharSet(0, 0, false);
    static final CharSet ANY = new CharSet(-1L, -1L, true);

    static CharSet of(int c) {
        if (c >= 128) return new CharSet(0, 0, true);
        return c < 64 ? new CharSet(1L << c, 0, false) : new CharSet(0, 1L << (c - 64), false);
    }

    static CharSet range(int from, int to) {
        CharSet s = NONE;
        for (int c = from; c <= Math.min(to, 127); c++) s = s.union(of(c));
        return to >= 128 ? s.union(of(128)) : s;
    }

    CharSet union(CharSet o) {
        return new CharSet(lo | o.lo, hi | o.hi, other || o.other);
    }

    CharSet complement() {
        return new CharSet(~lo, ~hi, true); // "not x" still includes non-ASCII
    }

    boolean intersects(CharSet o) {
        return (lo & o.lo) != 0 || (hi & o.hi) != 0 || (other && o.other);
    }
}

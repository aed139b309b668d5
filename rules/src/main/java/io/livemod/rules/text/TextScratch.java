package io.livemod.rules.text;

/**
 * Reusable buffers for {@link Normalizer#normalize(String, TextScratch)}: one per thread (or per
 * evaluator), never shared, so a comment costs no allocation beyond its {@link NormalizedText}.
 * A text that grew a buffer past {@link #KEEP_LIMIT} chars gets fresh ones next time, so one
 * 100 kB comment does not pin megabytes per thread.
 */
public final class TextScratch {
    static final int KEEP_LIMIT = 1 << 14;

    private char[] text = new char[256];
    private char[] stripped = new char[256];
    Buf folded = new Buf(256);
    Buf words = new Buf(256);
    Buf expanded = new Buf(256);
    Buf run = new Buf(16);
    Buf joined = new Buf(16);

    void reset() {
        if (text.length > KEEP_LIMIT
                || stripped.length > KEEP_LIMIT
                || folded.oversized(KEEP_LIMIT)
                || words.oversized(KEEP_LIMIT)
                || expanded.oversized(KEEP_LIMIT)) {
            text = new char[256];
            stripped = new char[256];
            folded = new Buf(256);
            words = new Buf(256);
            expanded = new Buf(256);
        }
        folded.clear();
        words.clear();
        expanded.clear();
        run.clear();
        joined.clear();
    }

    /** {@code s}'s chars, in a reused array (only the first {@code s.length()} are meaningful). */
    char[] text(String s) {
        int n = s.length();
        if (text.length < n) text = new char[Math.max(n, text.length * 2)];
        s.getChars(0, n, text, 0);
        return text;
    }

    /** The chars last stored by {@link #text(String)}. */
    char[] text() {
        return text;
    }

    char[] stripped(int n) {
        if (stripped.length < n) stripped = new char[Math.max(n, stripped.length * 2)];
        return stripped;
    }
}

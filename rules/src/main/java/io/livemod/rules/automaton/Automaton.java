package io.livemod.rules.automaton;

import java.util.List;

/**
 * Aho–Corasick over a compact alphabet (the chars the patterns use), with no per-state maps: states
 * are numbered breadth-first so a state's children are consecutive, and a bitmask per state says which
 * symbols have a child. A transition is one mask test and a popcount; a char outside the alphabet
 * sends the scan straight back to the root. Shallow states also get flattened DFA rows (see
 * {@link #DENSE_BUDGET}). Memory is about 24 bytes per state plus 4 per pattern end plus the rows
 * (at most 16 MB), so 100k terms stay in the tens of MB. Immutable after {@link #build}; scans share
 * it freely across threads.
 */
public final class Automaton {
    private final char[] symbolOf; // char → 1..K, 0 = not in any pattern
    private final int words; // longs of mask per state
    private final long[] masks; // state * words + w: bit s set = child on symbol s
    private final int[] firstChild;
    private final int[] fail;
    private final int[] report; // first state on the fail chain (self included) with outputs, or -1
    private final int[] outStart; // outputs of state s: outIds[outStart[s] .. outStart[s + 1])
    private final int[] outIds;
    private final int states;
    private final int[] length; // pattern lengths, for the anchor checks
    private final byte[] anchors; // per pattern: START and/or END must sit on a word boundary
    /** Flattened rows (goto and failure resolved) for states below {@link #dense}: one load per char. */
    private final int[] dfa;

    private final int dense;
    private final int width; // symbols + 1

    Automaton(
            char[] symbolOf,
            int words,
            long[] masks,
            int[] firstChild,
            int[] fail,
            int[] report,
            int[] outStart,
            int[] outIds,
            int states) {
        this(
                symbolOf,
                words,
                masks,
                firstChild,
                fail,
                report,
                outStart,
                outIds,
                states,
                new int[0],
                new byte[0],
                new int[0],
                0,
                1);
    }

    /** All fields final: an automaton is safe to share across threads however it is published. */
    private Automaton(
            char[] symbolOf,
            int words,
            long[] masks,
            int[] firstChild,
            int[] fail,
            int[] report,
            int[] outStart,
            int[] outIds,
            int states,
            int[] length,
            byte[] anchors,
            int[] dfa,
            int dense,
            int width) {
        this.length = length;
        this.anchors = anchors;
        this.dfa = dfa;
        this.dense = dense;
        this.width = width;
        this.symbolOf = symbolOf;
        this.words = words;
        this.masks = masks;
        this.firstChild = firstChild;
        this.fail = fail;
        this.report = report;
        this.outStart = outStart;
        this.outIds = outIds;
        this.states = states;
    }

    public static final byte START = 1, END = 2;

    /** Builds the automaton; pattern {@code i} is reported with id {@code i}. Empty patterns are ignored. */
    public static Automaton build(List<char[]> patterns) {
        return build(patterns, new byte[patterns.size()]);
    }

    /**
     * As {@link #build(List)}, with anchors per pattern: a pattern anchored at {@link #START} (or
     * {@link #END}) is only reported where the scan's boundary array marks a word boundary before
     * its first char (after its last). Filtering inside the scan keeps the candidate list short on
     * a stream without spaces, where short terms occur inside many words.
     */
    public static Automaton build(List<char[]> patterns, byte[] anchors) {
        char[] symbolOf = new char[65536];
        int k = 0;
        boolean[] used = new boolean[65536];
        for (char[] p : patterns) for (char c : p) used[c] = true;
        for (int c = 0; c < 65536; c++) if (used[c]) symbolOf[c] = (char) ++k;
        TrieBuilder trie = new TrieBuilder(patterns, symbolOf);
        Automaton a = trie.compile(symbolOf, (k + 64) / 64);
        int width = k + 1, dense = Math.min(a.states, DENSE_BUDGET / width);
        int[] length = new int[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) length[i] = patterns.get(i).length;
        return new Automaton(
                a.symbolOf,
                a.words,
                a.masks,
                a.firstChild,
                a.fail,
                a.report,
                a.outStart,
                a.outIds,
                a.states,
                length,
                anchors.clone(),
                flatten(a, width, dense),
                dense,
                width);
    }

    /**
     * Shallow states are where a scan spends nearly all its time, so the first states in
     * breadth-first order, up to {@link #DENSE_BUDGET} table cells, get full rows with failure
     * transitions resolved; deeper states keep the compact mask form and fall back into the rows.
     */
    static final int DENSE_BUDGET = 4 << 20;
    /**
     * Set in a row cell whose target state has outputs: the scan then skips the report lookup for
     * the common target without any, one dependent load less per char.
     */
    private static final int REPORTS = 1 << 31, STATE = ~REPORTS;

    /** The flattened rows of {@code a}'s first states, and how many there are. */
    private static int[] flatten(Automaton a, int width, int dense) {
        int[] rows = new int[dense * width];
        for (int s = 0; s < dense; s++) {
            for (int c = 1; c < width; c++) {
                int t = a.child(s, c);
                int target = t >= 0 ? t : s == 0 ? 0 : rows[a.fail[s] * width + c] & STATE; // fail[s] < s
                rows[s * width + c] = a.report[target] >= 0 ? target | REPORTS : target;
            }
        }
        return rows;
    }

    public int states() {
        return states;
    }

    /** Approximate heap held by this automaton, for sizing and the 100k-term test. */
    public long footprintBytes() {
        return 2L * symbolOf.length
                + 8L * masks.length
                + 4L
                        * (firstChild.length
                                + fail.length
                                + report.length
                                + outStart.length
                                + outIds.length
                                + dfa.length
                                + length.length)
                + anchors.length;
    }

    /** Appends every (pattern, end) occurrence in {@code text[0..len)} to {@code out}, ignoring anchors. */
    public void scan(char[] text, int len, Hits out) {
        scan(text, len, null, out);
    }

    /**
     * Appends every (pattern, end) occurrence in {@code text[0..len)} to {@code out}; with
     * {@code boundary} (non-zero at {@code i} = a word starts at {@code i}; {@code i == 0} and
     * {@code i == len} always count) anchored patterns are only reported on boundaries.
     */
    public void scan(char[] text, int len, byte[] boundary, Hits out) {
        int s = 0;
        for (int i = 0; i < len; i++) {
            int c = symbolOf[text[i]];
            if (c == 0) {
                s = 0;
                continue;
            }
            if (s < dense) {
                int cell = dfa[s * width + c];
                s = cell & STATE;
                if (cell >= 0) continue; // no outputs here (REPORTS is the sign bit)
            } else {
                for (; ; ) {
                    int t = child(s, c);
                    if (t >= 0) {
                        s = t;
                        break;
                    }
                    s = fail[s];
                    if (s < dense) {
                        s = dfa[s * width + c] & STATE;
                        break;
                    }
                }
            }
            for (int r = report[s]; r >= 0; r = report[fail[r]]) {
                for (int o = outStart[r], e = outStart[r + 1]; o < e; o++) {
                    int id = outIds[o];
                    byte a = anchors[id];
                    if (a != 0 && boundary != null) {
                        int start = i + 1 - length[id];
                        if ((a & START) != 0 && start > 0 && boundary[start] == 0) continue;
                        if ((a & END) != 0 && i + 1 < len && boundary[i + 1] == 0) continue;
                    }
                    out.add(id, i + 1);
                }
                if (r == 0) break;
            }
        }
    }

    int child(int s, int c) {
        int base = s * words;
        int w = c >>> 6;
        long bit = 1L << (c & 63);
        long m = masks[base + w];
        if ((m & bit) == 0) return -1;
        int rank = Long.bitCount(m & (bit - 1));
        for (int i = 0; i < w; i++) rank += Long.bitCount(masks[base + i]);
        return firstChild[s] + rank;
    }
}

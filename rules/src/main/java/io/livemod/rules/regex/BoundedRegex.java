package io.livemod.rules.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a checked pattern with two hard bounds, whatever the pattern: each evaluation sees at most
 * {@code window} chars (long texts are cut into overlapping windows, so a match up to
 * {@code overlap} chars long is never lost at a cut), and each window may read at most
 * {@code budgetPerChar} chars per char of input before the evaluation is abandoned. Immutable.
 */
public final class BoundedRegex {
    public static final int DEFAULT_WINDOW = 4096;
    public static final int DEFAULT_OVERLAP = 256;
    public static final int DEFAULT_BUDGET_PER_CHAR = 200;

    private final Pattern pattern;
    private final Prefilter prefilter;
    private final int window;
    private final int overlap;
    private final int budgetPerChar;

    public BoundedRegex(Pattern pattern, int window, int overlap, int budgetPerChar) {
        if (overlap >= window) throw new IllegalArgumentException("overlap must be smaller than the window");
        this.pattern = pattern;
        this.prefilter = pattern.flags() == 0 ? Prefilter.of(pattern.pattern()) : Prefilter.NONE;
        this.window = window;
        this.overlap = overlap;
        this.budgetPerChar = budgetPerChar;
    }

    public BoundedRegex(Pattern pattern) {
        this(pattern, DEFAULT_WINDOW, DEFAULT_OVERLAP, DEFAULT_BUDGET_PER_CHAR);
    }

    public Pattern pattern() {
        return pattern;
    }

    /** What a text must contain before the regex runs at all. */
    public Prefilter prefilter() {
        return prefilter;
    }

    /** Match spans {start, end} in {@code text}, in order, without duplicates from window overlaps. */
    public List<int[]> find(String text) {
        return find(text, Prefilter.TextChars.of(text));
    }

    /** The same, with the text's chars summarized once for every pattern run on it. */
    public List<int[]> find(String text, Prefilter.TextChars chars) {
        if (!prefilter.mayMatch(text.toCharArray(), text.length(), chars))
            return List.of(); // most chat: no digit, dot or link marker
        return findUnfiltered(text);
    }

    /** Match spans in {@code text}, for a caller that already asked {@link #prefilter()}. */
    public List<int[]> findUnfiltered(String text) {
        List<int[]> out = new ArrayList<>(2);
        int lastEnd = 0;
        for (int from = 0; ; from += window - overlap) {
            int to = Math.min(text.length(), from + window);
            Budget seq = new Budget(text, from, to, (long) budgetPerChar * (to - from) + 10_000);
            try {
                Matcher m = pattern.matcher(seq);
                while (m.find()) {
                    int s = from + m.start(), e = from + m.end();
                    if (s >= lastEnd && e > s) {
                        out.add(new int[] {s, e});
                        lastEnd = e;
                    }
                }
            } catch (Budget.Exceeded e) {
                // Abandon this window: a pattern that passed the checker should never get here.
            }
            if (to == text.length()) return out;
        }
    }

    /** A window of the text that counts reads and stops the matcher when the budget runs out. */
    private static final class Budget implements CharSequence {
        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super("regex budget exceeded", null, false, false);
            }
        }

        private final String text;
        private final int from, to;
        private long left;

        Budget(String text, int from, int to, long budget) {
            this.text = text;
            this.from = from;
            this.to = to;
            this.left = budget;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new Exceeded();
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(from + start, from + end);
        }

        @Override
        public String toString() {
            return text.substring(from, to);
        }
    }
}

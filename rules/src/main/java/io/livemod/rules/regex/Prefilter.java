package io.livemod.rules.regex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What any match of a pattern must contain, so that most texts skip the regex: pattern rules
 * (phone numbers, links, betting domains) ran java.util.regex at every position of every comment,
 * the largest single cost of the moderation stream threads once state was binary. Derived from the
 * pattern by {@link RegexParser}; a conjunction of clauses, each "one of these chars" or "one of
 * these literal strings". Conservative: it may let a text through that the regex then rejects,
 * never the reverse. A pattern it cannot read (inline flags) gets no clauses and always runs.
 */
public final class Prefilter {
    /** No requirement: every text goes to the regex. */
    public static final Prefilter NONE = new Prefilter(List.of());

    sealed interface Clause permits Chars, Literals {
        /** {@code text[0..n)} is the text; lo, hi, other summarize its chars ({@link TextChars}). */
        boolean test(char[] text, int n, long lo, long hi, boolean other);

        /** Rough chance that chat text satisfies it: lower is more selective. */
        int cost();
    }

    /** At least one char of the set occurs. */
    record Chars(CharSet set) implements Clause {
        @Override
        public boolean test(char[] text, int n, long lo, long hi, boolean other) {
            return (lo & set.lo()) != 0 || (hi & set.hi()) != 0 || (other && set.other());
        }

        @Override
        public int cost() {
            int cost = set.other() ? 1000 : 0;
            for (int c = 0; c < 128; c++) if (set.intersects(CharSet.of(c))) cost += charCost(c);
            return cost;
        }
    }

    /**
     * At least one of the strings occurs. A string is only searched for when every one of its chars
     * is in the text (two mask tests): most chat has no 'w', no digit, no '.', so most searches end there.
     */
    @SuppressWarnings("ArrayRecordComponent") // arrays for the matching loop; never compared with equals
    record Literals(Set<String> any, String[] each, long[] masks) implements Clause {
        Literals(Set<String> any) {
            this(any, any.toArray(new String[0]), masks(any.toArray(new String[0])));
        }

        /** Per string: its chars below 64, its chars 64..127, and 1 when it has any other. */
        private static long[] masks(String[] each) {
            long[] m = new long[each.length * 3];
            for (int i = 0; i < each.length; i++) {
                TextChars c = TextChars.of(each[i]);
                m[3 * i] = c.lo();
                m[3 * i + 1] = c.hi();
                m[3 * i + 2] = c.other() ? 1 : 0;
            }
            return m;
        }

        @Override
        public boolean test(char[] text, int n, long lo, long hi, boolean other) {
            for (int i = 0; i < each.length; i++) {
                long l = masks[3 * i], h = masks[3 * i + 1];
                if ((lo & l) != l || (hi & h) != h || (masks[3 * i + 2] != 0 && !other)) continue;
                if (each[i].length() == 1 && each[i].charAt(0) < 128) return true; // the mask test was the search
                if (contains(text, n, each[i])) return true;
            }
            return false;
        }

        /** Whether {@code s} occurs in {@code text[0..n)}: the texts are comments, a naive search is enough. */
        private static boolean contains(char[] text, int n, String s) {
            char first = s.charAt(0);
            for (int i = 0, last = n - s.length(); i <= last; i++) {
                if (text[i] != first) continue;
                int k = 1;
                while (k < s.length() && text[i + k] == s.charAt(k)) k++;
                if (k == s.length()) return true;
            }
            return false;
        }

        @Override
        public int cost() {
            int cost = 0;
            for (String s : any) cost += s.length() > 1 ? 2 : s.charAt(0) < 128 ? charCost(s.charAt(0)) : 1000;
            return cost;
        }

        /** The same requirement, weakened to single chars: each string's rarest char. */
        Chars chars() {
            CharSet set = CharSet.NONE;
            for (String s : any) {
                CharSet best = null;
                for (int j = 0; j < s.length(); j++) {
                    CharSet one = CharSet.of(s.charAt(j));
                    if (best == null || new Chars(one).cost() < new Chars(best).cost()) best = one;
                }
                set = set.union(best);
            }
            return new Chars(set);
        }
    }

    private final List<Clause> clauses;

    /** Char clauses first (two bit tests each, however long the text), then literals, most selective first. */
    Prefilter(List<Clause> clauses) {
        this.clauses = clauses.stream()
                .sorted(Comparator.comparing((Clause c) -> c instanceof Literals)
                        .thenComparingInt(Clause::cost))
                .toList();
    }

    /** The prefilter of a pattern; {@link #NONE} when there is nothing it can require. */
    public static Prefilter of(String regex) {
        try {
            RegexParser parser = new RegexParser(regex);
            RegexParser.Info info = parser.parse();
            if (parser.flagsSeen()) return NONE; // (?i) and friends change what a literal matches
            List<Clause> useful = new ArrayList<>();
            for (Clause c : info.need().clauses()) if (c.cost() < 1000) useful.add(c);
            return useful.isEmpty() ? NONE : new Prefilter(useful);
        } catch (UnsafePatternException | RuntimeException e) {
            return NONE;
        }
    }

    /** False only if no match of the pattern can exist in {@code text}. */
    public boolean mayMatch(String text) {
        return clauses.isEmpty() || mayMatch(text.toCharArray(), text.length(), TextChars.of(text));
    }

    /**
     * The same on {@code text[0..n)}, with its chars summarized once for every pattern run on it:
     * the evaluator asks before it makes a String of the folded text, which most comments never need.
     */
    public boolean mayMatch(char[] text, int n, TextChars chars) {
        for (Clause c : clauses) if (!c.test(text, n, chars.lo(), chars.hi(), chars.other())) return false;
        return true;
    }

    /** Which ASCII chars a text holds (two 64-bit sets), and whether it holds any other. */
    public record TextChars(long lo, long hi, boolean other) {
        public static TextChars of(String text) {
            return of(text.toCharArray(), text.length());
        }

        /** Of the first {@code n} chars of {@code text}. */
        public static TextChars of(char[] text, int n) {
            long lo = 0, hi = 0; // chars below 64, 64..127
            int above = 0;
            for (int i = 0; i < n; i++) {
                char c = text[i];
                if (c < 64) lo |= 1L << c;
                else if (c < 128) hi |= 1L << c;
                else above |= c;
            }
            return new TextChars(lo, hi, above != 0);
        }
    }

    /** The clauses, most selective first, in words (tests; a candidate for `rules check --explain`). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Clause c : clauses) {
            if (c instanceof Literals l) out.add("one of " + new TreeSet<>(l.any()));
            else {
                StringBuilder chars = new StringBuilder();
                for (int ch = 0; ch < 128; ch++)
                    if (((Chars) c).set().intersects(CharSet.of(ch))) chars.append((char) ch);
                out.add("a char of [" + chars + (((Chars) c).set().other() ? "+non-ASCII" : "") + "]");
            }
        }
        return out;
    }

    /** Letters and spaces are everywhere in chat; digits and punctuation are rare. */
    private static int charCost(int c) {
        if (c == ' ') return 50;
        if (Character.isLetter(c)) return 10;
        return 1;
    }
}

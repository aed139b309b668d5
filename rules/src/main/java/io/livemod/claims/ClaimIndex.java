package io.livemod.claims;

import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.TextScratch;
import java.util.Arrays;
import java.util.Map;

/**
 * The registry of false claims, indexed for near-duplicate matching of comments and titles.
 *
 * <p>Candidates: each claim is indexed under its rarest meaning words only (prefix filtering, as in
 * set-similarity joins): a text must contain at least {@link #FLOOR} of a claim's k meaning words
 * to match, so it contains at least {@link #PREFIX_HITS} of the claim's
 * {@code k - ceil(FLOOR k) + PREFIX_HITS} rarest words, and only those need a posting; a claim is
 * verified once the text's words reach that count in its postings. Common topic words ("vắc xin",
 * "ngân hàng") thus have short posting lists, and a comment costs one table probe per meaning word
 * plus the verification of the few claims found. This is exact where MinHash/LSH over shingles is
 * probabilistic, and it measures containment (a comment with extra words still matches), which
 * Jaccard-based sketches do not.
 *
 * <p>Verification: the score is the mean of three containments of the claim in the text: of its
 * meaning words, of the same weighted by rarity in the registry (a rare word, a bank's or a drug's
 * name, says more than "covid"), and of its ordered word pairs (compounds such as "vô sinh" or
 * "phá sản" survive word-order changes; a sentence built from the same topic words mostly does not).
 * Words are compared without tone marks, except where both sides typed them: "hơi" is not "hồi",
 * "lấy" is not "lây" (the marks are read only for texts that have candidates). A text that carries a
 * debunk cue its claim does not ("không", "tin giả") never matches. Immutable and thread-safe; each
 * thread brings its own {@link Scratch}.
 */
public final class ClaimIndex {
    /** A text must hold at least this share of a claim's meaning words to be a candidate. */
    public static final double FLOOR = 0.6;
    /** The verification score a match needs. */
    public static final double THRESHOLD = 0.7;
    /** Claims with fewer meaning words are not indexed: too little to tell a claim from chat. */
    public static final int MIN_WORDS = 3;
    /**
     * Each claim is indexed under enough of its rarest words that a match holds at least this many
     * of them: a text sharing one or two rare words with a claim ("Vietcombank") is not verified.
     */
    static final int PREFIX_HITS = 3;

    private static final ClaimIndex EMPTY = build(Map.of());

    final String[] ids;
    final long[][] words; // per claim: meaning words without marks, sorted
    final long[][] marks; // aligned with words: the marked form's hash, 0 if typed without marks
    final float[][] weights; // aligned with words
    final float[] totalWeight;
    final long[][] pairs; // per claim: ordered word pairs, sorted
    final boolean[] denies;
    final int[] required; // indexed words a candidate must hold
    final LongTable<int[]> postings;
    private final ClaimTokens lexicon;

    ClaimIndex(
            ClaimTokens lexicon,
            String[] ids,
            long[][] words,
            long[][] marks,
            float[][] weights,
            float[] totalWeight,
            long[][] pairs,
            boolean[] denies,
            int[] required,
            LongTable<int[]> postings) {
        this.lexicon = lexicon;
        this.ids = ids;
        this.words = words;
        this.marks = marks;
        this.weights = weights;
        this.totalWeight = totalWeight;
        this.pairs = pairs;
        this.denies = denies;
        this.required = required;
        this.postings = postings;
    }

    public static ClaimIndex empty() {
        return EMPTY;
    }

    /** @param texts claim id → the claim's text as registered (any spelling) */
    public static ClaimIndex build(Map<String, String> texts) {
        return IndexBuilder.build(ClaimTokens.standard(), texts);
    }

    /** Per-thread buffers for {@link #match}; not shareable between threads. */
    public static final class Scratch {
        long[] tokens = new long[64];
        long[] marks = new long[64];
        long[] sorted = new long[64];
        long[] pairs = new long[64];
        boolean denies;
        boolean anyMarks;
        int[] seen = new int[0];
        int[] hits = new int[0];
        int stamp;
        int[] candidates = new int[64];
        final TextScratch text = new TextScratch();

        int token(int n, long h, long mark) {
            if (n == tokens.length) {
                tokens = Arrays.copyOf(tokens, n * 2);
                marks = Arrays.copyOf(marks, n * 2);
            }
            tokens[n] = h;
            marks[n] = mark;
            return n + 1;
        }
    }

    /** Meaning words of a claim's text: the gateway refuses a claim with fewer than {@link #MIN_WORDS}. */
    public static int meaningWords(String text) {
        Scratch s = new Scratch();
        int n = ClaimTokens.standard().read(ClaimTokens.canonical(text), null, s);
        return (int) Arrays.stream(s.tokens, 0, n).distinct().count();
    }

    public int size() {
        return ids.length;
    }

    /** The best match of a text as typed, or null. */
    public ClaimMatch match(String text, Scratch s) {
        return match(text, ClaimTokens.canonical(text), s, THRESHOLD);
    }

    /**
     * The best match of a text whose canonical form ({@link ClaimTokens#canonical}) is already
     * known, or null; {@code text} as typed (null: compare without tone marks only).
     */
    public ClaimMatch match(String text, String canonical, Scratch s) {
        return match(text, canonical, s, THRESHOLD);
    }

    /** As {@link #match(String, String, Scratch)} with another score threshold: for the evaluation's precision–recall curve. */
    public ClaimMatch match(String text, String canonical, Scratch s, double threshold) {
        if (ids.length == 0 || canonical == null || canonical.isEmpty()) return null;
        int n = lexicon.read(canonical, null, s);
        if (n < MIN_WORDS) return null;
        int found = candidates(s, n);
        if (found == 0) return null;
        if (text != null)
            n = lexicon.read(
                    canonical, Normalizer.standard().normalize(text, s.text).display(), s);
        if (s.pairs.length < n) s.pairs = new long[s.tokens.length];
        for (int i = 0; i + 1 < n; i++) s.pairs[i] = ClaimTokens.pair(s.tokens[i], s.tokens[i + 1]);
        int np = Math.max(0, n - 1);
        Arrays.sort(s.pairs, 0, np);
        ClaimMatch best = null;
        for (int k = 0; k < found; k++) {
            int c = s.candidates[k];
            if (s.denies && !denies[c]) continue;
            ClaimMatch m = verify(c, s, n, np, threshold);
            if (m != null && (best == null || m.score() > best.score())) best = m;
        }
        return best;
    }

    /** Claims holding enough of the text's words among their indexed ones, into {@code s.candidates}; how many. */
    private int candidates(Scratch s, int n) {
        if (s.seen.length < ids.length) {
            s.seen = new int[ids.length];
            s.hits = new int[ids.length];
        }
        if (++s.stamp == Integer.MAX_VALUE) {
            Arrays.fill(s.seen, 0);
            s.stamp = 1;
        }
        if (s.sorted.length < n) s.sorted = new long[s.tokens.length];
        System.arraycopy(s.tokens, 0, s.sorted, 0, n);
        Arrays.sort(s.sorted, 0, n);
        int found = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && s.sorted[i] == s.sorted[i - 1]) continue; // a word said twice counts once
            int[] claims = postings.get(s.sorted[i]);
            if (claims == null) continue;
            for (int c : claims) {
                if (s.seen[c] != s.stamp) {
                    s.seen[c] = s.stamp;
                    s.hits[c] = 0;
                }
                if (++s.hits[c] != required[c]) continue;
                if (found == s.candidates.length) s.candidates = Arrays.copyOf(s.candidates, found * 2);
                s.candidates[found++] = c;
            }
        }
        return found;
    }

    private ClaimMatch verify(int c, Scratch s, int n, int np, double threshold) {
        long[] w = words[c];
        int present = 0;
        float weight = 0;
        for (int i = 0; i < w.length; i++) {
            if (Arrays.binarySearch(s.sorted, 0, n, w[i]) >= 0 && sameMarks(s, n, w[i], marks[c][i])) {
                present++;
                weight += weights[c][i];
            }
        }
        double coverage = (double) present / w.length;
        if (coverage < FLOOR) return null;
        long[] p = pairs[c];
        int pairsPresent = 0;
        for (long x : p) if (Arrays.binarySearch(s.pairs, 0, np, x) >= 0) pairsPresent++;
        double pairShare = p.length == 0 ? coverage : (double) pairsPresent / p.length;
        double score = (coverage + weight / totalWeight[c] + pairShare) / 3;
        return score >= threshold ? new ClaimMatch(ids[c], score, coverage) : null;
    }

    /** Whether the text holds {@code word} typed without marks, or with the claim's marks (when the claim has any). */
    private static boolean sameMarks(Scratch s, int n, long word, long mark) {
        if (mark == 0 || !s.anyMarks) return true;
        for (int j = 0; j < n; j++) if (s.tokens[j] == word && (s.marks[j] == 0 || s.marks[j] == mark)) return true;
        return false;
    }
}

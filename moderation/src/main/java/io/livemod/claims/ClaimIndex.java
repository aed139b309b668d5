package io.livemod.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The registry of false claims, indexed for near-duplicate matching of comments and titles.
 *
 * <p>Candidates: each claim is indexed under its rarest meaning words only (prefix filtering, as in
 * set-similarity joins): a text must contain at least {@link #FLOOR} of a claim's k meaning words
 * to match, so it contains at least {@link #PREFIX_HITS} of the claim's
 * {@code k - ceil(FLOOR k) + PREFIX_HITS} rarest words, and only those need a posting; a claim is
 * verified once the text's words reach that count in its postings. Common topic words ("vắc xin", "ngân hàng") thus have short posting lists,
 * and a comment costs one table probe per meaning word plus the verification of the few claims
 * found. This is exact where MinHash/LSH over shingles is probabilistic, and it measures containment
 * (a comment with extra words still matches), which Jaccard-based sketches do not.
 *
 * <p>Verification: the score is the mean of three containments of the claim in the text: of its
 * meaning words, of the same weighted by rarity in the registry (a rare word, a bank's or a drug's
 * name, says more than "covid"), and of its ordered word pairs (compounds such as "vô sinh" or
 * "phá sản" survive word-order changes; a sentence built from the same topic words mostly does not).
 * A text that carries a debunk cue its claim does not ("không", "tin giả") never matches. Immutable
 * and thread-safe; each thread brings its own {@link Scratch}.
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
     * of them: a text sharing one rare word with a claim ("Vietcombank") is not verified at all.
     */
    static final int PREFIX_HITS = 3;
    private static final ClaimIndex EMPTY = build(Map.of());

    private final String[] ids;
    private final long[][] words;      // per claim: meaning words, sorted
    private final float[][] weights;   // aligned with words
    private final float[] totalWeight;
    private final long[][] pairs;      // per claim: ordered word pairs, sorted
    private final boolean[] denies;
    private final int[] required;      // indexed words a candidate must hold
    private final LongTable<int[]> postings;
    private final ClaimTokens lexicon;

    private ClaimIndex(ClaimTokens lexicon, String[] ids, long[][] words, float[][] weights, float[] totalWeight, long[][] pairs,
                       boolean[] denies, int[] required, LongTable<int[]> postings) {
        this.required = required;
        this.lexicon = lexicon;
        this.ids = ids;
        this.words = words;
        this.weights = weights;
        this.totalWeight = totalWeight;
        this.pairs = pairs;
        this.denies = denies;
        this.postings = postings;
    }

    public static ClaimIndex empty() {
        return EMPTY;
    }

    /** Per-thread buffers for {@link #match}; not shareable between threads. */
    public static final class Scratch {
        long[] tokens = new long[64];
        long[] sorted = new long[64];
        long[] pairs = new long[64];
        boolean denies;
        int[] seen = new int[0];
        int[] hits = new int[0];
        int stamp;
        int[] candidates = new int[64];

        int token(int n, long h) {
            if (n == tokens.length) tokens = Arrays.copyOf(tokens, n * 2);
            tokens[n] = h;
            return n + 1;
        }
    }

    /** Meaning words of a claim's text: the gateway refuses a claim with fewer than {@link #MIN_WORDS}. */
    public static int meaningWords(String text) {
        Scratch s = new Scratch();
        int n = ClaimTokens.standard().read(ClaimTokens.canonical(text), s);
        return (int) Arrays.stream(s.tokens, 0, n).distinct().count();
    }

    /** @param texts claim id → the claim's text as registered (any spelling) */
    public static ClaimIndex build(Map<String, String> texts) {
        ClaimTokens lexicon = ClaimTokens.standard();
        Scratch s = new Scratch();
        List<String> ids = new ArrayList<>();
        List<long[]> words = new ArrayList<>();
        List<long[]> pairs = new ArrayList<>();
        List<Boolean> denies = new ArrayList<>();
        Map<Long, Integer> df = new HashMap<>();
        for (var e : texts.entrySet()) {
            int n = lexicon.read(ClaimTokens.canonical(e.getValue()), s);
            LinkedHashSet<Long> unique = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) unique.add(s.tokens[i]);
            if (unique.size() < MIN_WORDS) continue;
            ids.add(e.getKey());
            words.add(sorted(unique.stream().mapToLong(Long::longValue).toArray()));
            pairs.add(sorted(pairsOf(s.tokens, n)));
            denies.add(s.denies);
            for (long w : unique) df.merge(w, 1, Integer::sum);
        }
        int count = ids.size();
        float[][] weights = new float[count][];
        float[] total = new float[count];
        int[] required = new int[count];
        Map<Long, List<Integer>> post = new HashMap<>();
        for (int c = 0; c < count; c++) {
            long[] w = words.get(c);
            weights[c] = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                weights[c][i] = (float) (1 + Math.log((double) count / df.get(w[i])));
                total[c] += weights[c][i];
            }
            // The q rarest words: a text holding FLOOR of the words holds at least need - (k - q) of them.
            int need = (int) Math.ceil(FLOOR * w.length);
            int q = Math.min(w.length, w.length - need + PREFIX_HITS);
            required[c] = need - (w.length - q);
            Long[] byRarity = Arrays.stream(w).boxed().sorted((a, b) -> Integer.compare(df.get(a), df.get(b))).toArray(Long[]::new);
            for (int i = 0; i < q; i++) post.computeIfAbsent(byRarity[i], k -> new ArrayList<>()).add(c);
        }
        Map<Long, int[]> postings = new HashMap<>();
        post.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        boolean[] deny = new boolean[count];
        for (int c = 0; c < count; c++) deny[c] = denies.get(c);
        return new ClaimIndex(lexicon, ids.toArray(String[]::new), words.toArray(long[][]::new), weights, total,
                pairs.toArray(long[][]::new), deny, required, LongTable.of(postings));
    }

    public int size() {
        return ids.length;
    }

    /** The best match of a canonical text ({@link ClaimTokens#canonical}) among the claims, or null. */
    public ClaimMatch match(String canonical, Scratch s) {
        return match(canonical, s, THRESHOLD);
    }

    /** As {@link #match(String, Scratch)} with another score threshold: for the evaluation's precision–recall curve. */
    public ClaimMatch match(String canonical, Scratch s, double threshold) {
        if (ids.length == 0 || canonical == null || canonical.isEmpty()) return null;
        int n = lexicon.read(canonical, s);
        if (n < MIN_WORDS) return null;
        if (s.seen.length < ids.length) {
            s.seen = new int[ids.length];
            s.hits = new int[ids.length];
        }
        if (++s.stamp == Integer.MAX_VALUE) {
            Arrays.fill(s.seen, 0);
            s.stamp = 1;
        }
        int found = 0;
        if (s.sorted.length < n) s.sorted = new long[s.tokens.length];
        System.arraycopy(s.tokens, 0, s.sorted, 0, n);
        Arrays.sort(s.sorted, 0, n);
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
        if (found == 0) return null;
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

    private ClaimMatch verify(int c, Scratch s, int n, int np, double threshold) {
        long[] w = words[c];
        int present = 0;
        float weight = 0;
        for (int i = 0; i < w.length; i++) {
            if (Arrays.binarySearch(s.sorted, 0, n, w[i]) >= 0) {
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

    private static long[] pairsOf(long[] tokens, int n) {
        LinkedHashSet<Long> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < n; i++) out.add(ClaimTokens.pair(tokens[i], tokens[i + 1]));
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] sorted(long[] a) {
        Arrays.sort(a);
        return a;
    }
}

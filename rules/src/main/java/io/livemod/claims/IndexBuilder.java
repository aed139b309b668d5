package io.livemod.claims;

import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ClaimIndex}: each claim's meaning words (with their marked forms) and word pairs,
 * the rarity weights over the whole registry, and the postings of each claim's rarest words.
 * Claims with fewer than {@link ClaimIndex#MIN_WORDS} meaning words are left out.
 */
final class IndexBuilder {
    private IndexBuilder() {}

    static ClaimIndex build(ClaimTokens lexicon, Map<String, String> texts) {
        ClaimIndex.Scratch s = new ClaimIndex.Scratch();
        List<String> ids = new ArrayList<>();
        List<long[]> words = new ArrayList<>(), marks = new ArrayList<>(), pairs = new ArrayList<>();
        List<Boolean> denies = new ArrayList<>();
        Map<Long, Integer> df = new HashMap<>();
        for (var e : texts.entrySet()) {
            NormalizedText t = Normalizer.standard().normalize(e.getValue() == null ? "" : e.getValue());
            int n = lexicon.read(t.canonical(), t.display(), s);
            Map<Long, Long> unique = new LinkedHashMap<>(); // word → its first marked form
            for (int i = 0; i < n; i++) unique.putIfAbsent(s.tokens[i], s.marks[i]);
            if (unique.size() < ClaimIndex.MIN_WORDS) continue;
            ids.add(e.getKey());
            long[] w =
                    unique.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            words.add(w);
            marks.add(Arrays.stream(w).map(unique::get).toArray());
            pairs.add(pairsOf(s.tokens, n));
            denies.add(s.denies);
            for (long x : w) df.merge(x, 1, Integer::sum);
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
            int need = (int) Math.ceil(ClaimIndex.FLOOR * w.length);
            int q = Math.min(w.length, w.length - need + ClaimIndex.PREFIX_HITS);
            required[c] = need - (w.length - q);
            Long[] byRarity = Arrays.stream(w)
                    .boxed()
                    .sorted((a, b) -> Integer.compare(df.get(a), df.get(b)))
                    .toArray(Long[]::new);
            for (int i = 0; i < q; i++)
                post.computeIfAbsent(byRarity[i], k -> new ArrayList<>()).add(c);
        }
        Map<Long, int[]> postings = new HashMap<>();
        post.forEach(
                (k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        boolean[] deny = new boolean[count];
        for (int c = 0; c < count; c++) deny[c] = denies.get(c);
        return new ClaimIndex(
                lexicon,
                ids.toArray(String[]::new),
                words.toArray(long[][]::new),
                marks.toArray(long[][]::new),
                weights,
                total,
                pairs.toArray(long[][]::new),
                deny,
                required,
                LongTable.of(postings));
    }

    /** The distinct ordered pairs of consecutive meaning words, sorted. */
    private static long[] pairsOf(long[] tokens, int n) {
        long[] out = new long[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) out[i] = ClaimTokens.pair(tokens[i], tokens[i + 1]);
        return Arrays.stream(out).distinct().sorted().toArray();
    }
}

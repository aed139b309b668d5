package io.livemod.claims;

import io.livemod.rules.text.Normalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a text's meaning words for false-claim matching. Input is the rule engine's canonical form
 * ({@link io.livemod.rules.text.NormalizedText#canonical()}: tone marks stripped, case, leet,
 * separators, repeated letters and teencode folded; one space between words), which the topology
 * already computes for duplicate detection. Each word (a Vietnamese syllable) becomes a 64-bit hash;
 * function words are dropped ({@code stopwords.txt}), loan-word spellings and abbreviations read as
 * one form ({@code synonyms.tsv}: "vaccine" and "vacxin" are "vắc xin"), and words that deny a claim
 * ({@code debunk.txt}: "không", "tin giả") are noted, since a comment that repeats a claim's words to
 * refute it is not spreading it. Pure and immutable; the per-call buffers are the caller's
 * {@link ClaimIndex.Scratch}.
 */
public final class ClaimTokens {
    private static final long[] NONE = new long[0]; // before STANDARD: its constructor uses it
    private static final ClaimTokens STANDARD = new ClaimTokens(
            words(read("/rules/claims/stopwords.txt")),
            synonyms(read("/rules/claims/synonyms.tsv")),
            read("/rules/claims/debunk.txt"));

    private final LongTable<long[]> stop; // word → NONE
    private final LongTable<long[]> synonyms; // word → its reading
    private final LongTable<long[]> cues; // word, or pair of words, that denies → NONE

    private ClaimTokens(List<String> stopwords, Map<String, String> synonyms, List<String> cues) {
        Map<Long, long[]> s = new HashMap<>();
        for (String w : stopwords) s.put(hash(canonical(w)), NONE);
        this.stop = LongTable.of(s);
        Map<Long, long[]> syn = new HashMap<>();
        synonyms.forEach((k, v) -> syn.put(hash(canonical(k)), hashes(canonical(v))));
        this.synonyms = LongTable.of(syn);
        Map<Long, long[]> c = new HashMap<>();
        for (String cue : cues) {
            long[] h = hashes(canonical(cue));
            if (h.length == 1) c.put(h[0], NONE);
            else if (h.length == 2) c.put(pair(h[0], h[1]), NONE);
            else throw new IllegalStateException("debunk.txt: one or two words per cue, got '" + cue + "'");
        }
        this.cues = LongTable.of(c);
    }

    public static ClaimTokens standard() {
        return STANDARD;
    }

    /** The canonical form of a text typed any way, as the matcher reads it. */
    public static String canonical(String text) {
        return Normalizer.standard().normalize(text == null ? "" : text).canonical();
    }

    /**
     * Writes the meaning words of {@code canonical}, in order, into {@code s.tokens} and returns
     * how many; {@code s.denies} tells whether a debunk cue occurred. With {@code display} (the
     * same text with its tone marks, word for word: {@code NormalizedText.display()}), each word
     * typed with marks also gets the hash of its marked form in {@code s.marks}, else 0 (typed
     * without marks, or read through a synonym): "hơi" and "hồi" are both "hoi" without marks, and
     * only the marks tell them apart.
     */
    int read(String canonical, String display, ClaimIndex.Scratch s) {
        if (display != null && (display.length() != canonical.length() || words(display) != words(canonical)))
            display = null;
        int n = 0;
        long prev = 0;
        boolean denies = false, anyMarks = false;
        int len = canonical.length();
        for (int i = 0; i < len; ) {
            int j = canonical.indexOf(' ', i);
            if (j < 0) j = len;
            if (j > i) {
                long h = hash(canonical, i, j);
                if (cues.contains(h) || (prev != 0 && cues.contains(pair(prev, h)))) denies = true;
                prev = h;
                if (!stop.contains(h)) {
                    long[] reading = synonyms.get(h);
                    if (reading == null) {
                        long mark = display == null || display.regionMatches(i, canonical, i, j - i)
                                ? 0
                                : hash(display, i, j);
                        anyMarks |= mark != 0;
                        n = s.token(n, h, mark);
                    } else {
                        for (long r : reading) n = s.token(n, r, 0);
                    }
                }
            }
            i = j + 1;
        }
        s.denies = denies;
        s.anyMarks = anyMarks;
        return n;
    }

    private static int words(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) == ' ') n++;
        return n;
    }

    /** The hashes of a text's words, in order (no stop words removed): for lexicon entries. */
    static long[] hashes(String canonical) {
        List<Long> out = new ArrayList<>();
        for (String w : canonical.split(" ", -1)) if (!w.isEmpty()) out.add(hash(w, 0, w.length()));
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static long hash(String word) {
        return hash(word, 0, word.length());
    }

    /** FNV-1a over the chars, finished with a 64-bit mix so low bits index tables well. Never 0. */
    static long hash(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = mix(h);
        return h == 0 ? 1 : h;
    }

    /** An ordered pair of words: "ngân hàng" is not "hàng ngân". */
    static long pair(long a, long b) {
        long h = mix(a * 31 + Long.rotateLeft(b, 17));
        return h == 0 ? 1 : h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) for (String w : l.trim().split("\\s+", -1)) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static Map<String, String> synonyms(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String l : lines) {
            String[] kv = l.split("\t", 2);
            if (kv.length != 2)
                throw new IllegalStateException("synonyms.tsv: expected word<TAB>reading, got '" + l + "'");
            out.put(kv[0].trim(), kv[1].trim());
        }
        return out;
    }

    /** Non-blank, non-comment lines of a resource. */
    private static List<String> read(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ClaimTokens.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; )
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

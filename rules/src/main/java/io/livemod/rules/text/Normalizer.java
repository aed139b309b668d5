package io.livemod.rules.text;

/**
 * Turns a comment into the form rules match on, keeping for every normalized char the span of the
 * original text it came from. Three passes, each linear in the text:
 * <ol>
 *   <li>fold: NFKC (full-width, composed tone marks, stray combining marks), invisible chars
 *       removed, lower case, look-alike letters; the result, spaces and punctuation kept, is what
 *       pattern rules see;</li>
 *   <li>words: split on white space (and on a '+' or '=' next to a digit: "8+2"); inside a word,
 *       leetspeak between letters, separators removed (leaving a soft boundary: "đ.m", "lồ-n"), runs
 *       of one letter collapsed ("điiiiịt");</li>
 *   <li>expand: runs of single letters or spelled-out letter names joined ("d m", "đờ mờ"),
 *       whole-word teencode expanded ("vcl"), char-level teencode (đjt → đit, kak → cac).</li>
 * </ol>
 * Tone marks are not removed here: {@link NormalizedText} keeps both the marked and the stripped
 * channel, and the matcher decides per term which one counts. Immutable and thread-safe.
 */
public final class Normalizer {
    private static final Normalizer DEFAULT = new Normalizer(Teencode.builtIn());

    private final Expander expander;

    public Normalizer(Teencode teencode) {
        this.expander = new Expander(teencode);
    }

    public static Normalizer standard() {
        return DEFAULT;
    }

    /** Normalizes into fresh buffers: for one-off use (compiling terms, {@code --explain}). */
    public NormalizedText normalize(String text) {
        return normalize(text, new TextScratch());
    }

    /**
     * Normalizes into {@code scratch}'s buffers: no allocation on the common path. The result is
     * valid until the next call with the same scratch, which must not be shared across threads.
     */
    public NormalizedText normalize(String text, TextScratch scratch) {
        return normalize(text, scratch, true);
    }

    /**
     * A term as it reads when its letters are typed apart ("b a c c a r a t"): doubled letters kept.
     * For compiling terms, which also match in that form.
     */
    public NormalizedText normalizeAsSpelled(String text) {
        return normalize(text, new TextScratch(), false);
    }

    /**
     * The same on {@code text[0..n)}, which is read in place and must not change until the result
     * is no longer used: for callers that decode bytes themselves ({@code rules test}), so a comment
     * that flags nothing never becomes a String.
     */
    public NormalizedText normalize(char[] text, int n, TextScratch scratch) {
        scratch.reset();
        return normalize(null, text, n, scratch, true);
    }

    private NormalizedText normalize(String text, TextScratch scratch, boolean collapse) {
        scratch.reset();
        return normalize(text, scratch.text(text), text.length(), scratch, collapse);
    }

    /** {@code original} is {@code text[0..n)} as a String, or null to make it only when asked. */
    private NormalizedText normalize(String original, char[] text, int n, TextScratch scratch, boolean collapse) {
        Buf folded = fold(text, n, scratch.folded);
        Buf words = words(folded, scratch.words, collapse);
        Buf stream = expander.expand(words, scratch, text);
        return new NormalizedText(original, text, n, folded, stream, scratch.stripped(stream.n));
    }

    // ---- pass 1: per-char folding ----

    static Buf fold(String original) {
        return fold(original.toCharArray(), original.length(), new Buf(original.length() + 8));
    }

    /** Folds {@code text[0..n)} (a char array: cheaper than charAt on UTF-16 strings, which most Vietnamese are). */
    static Buf fold(char[] text, int n, Buf out) {
        int pending = 0; // steps of removed chars, credited to the next char kept
        for (int i = 0; i < n; ) {
            char c = text[i];
            int j = i + 1;
            boolean slow = false;
            if (Character.isHighSurrogate(c) && j < n && Character.isLowSurrogate(text[j])) {
                j++;
                // Emoji are NFKC-stable: only the ranges NFKC folds to letters and digits need the
                // normalizer: mathematical alphanumerics (𝐝𝐦), enclosed alphanumerics (🄳),
                // CJK compatibility ideographs. (A range test: Character.getType is slow up here.)
                int cp = Character.toCodePoint(c, text[j - 1]);
                slow = (cp >= 0x1D400 && cp <= 0x1D7FF)
                        || (cp >= 0x1F100 && cp <= 0x1F1FF)
                        || (cp >= 0x2F800 && cp <= 0x2FA1F);
                if (!slow) {
                    out.add(c, i, j, pending, Buf.NONE);
                    out.add(text[j - 1], i, j, pending, Buf.NONE);
                    pending = 0;
                    i = j;
                    continue;
                }
            }
            while (j < n && CharFold.cls(text[j]) == CharFold.MARK && CharFold.cls(c) != CharFold.MARK) {
                j++;
                slow = true;
            }
            if (slow) {
                pending = foldCluster(new String(text, i, j - i), i, j, out, pending);
            } else {
                char s = CharFold.single(c);
                if (s != 0) {
                    out.add(s, i, j, CharFold.bits(c) | pending, Buf.NONE);
                    pending = 0;
                } else {
                    String m = CharFold.multi(c);
                    if (m == null || m.isEmpty()) {
                        pending |= CharFold.bits(c);
                    } else {
                        for (int k = 0; k < m.length(); k++)
                            out.add(m.charAt(k), i, j, CharFold.bits(c) | pending, Buf.NONE);
                        pending = 0;
                    }
                }
            }
            i = j;
        }
        return out;
    }

    /**
     * A base with combining marks, or a surrogate pair: compose with NFKC, then fold each char. A
     * look-alike base is made Latin first, so its tone marks compose onto the letter it imitates
     * (Cyrillic "о" with a combining circumflex and grave is "ồ"); composed as it was typed, the
     * marks would not compose and would be dropped as stray.
     */
    private static int foldCluster(String cluster, int start, int end, Buf out, int pending) {
        int bits = pending | Steps.UNICODE;
        if (!Character.isSurrogate(cluster.charAt(0))) {
            String d = java.text.Normalizer.normalize(cluster, java.text.Normalizer.Form.NFD); // "ӑ̣" → а + breve + dot
            char base = d.charAt(0), lower = Character.toLowerCase(base), latin = Lookalikes.map(lower);
            if (latin != lower) {
                cluster = latin + d.substring(1);
                bits |= Steps.LOOKALIKE | (lower != base ? Steps.CASE : 0);
            }
        }
        String k = java.text.Normalizer.normalize(cluster, java.text.Normalizer.Form.NFKC);
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (Character.isSurrogate(c)) { // not foldable (emoji, rare scripts): kept as is, reads as punctuation
                out.add(c, start, end, bits, Buf.NONE);
                continue;
            }
            if (CharFold.cls(c) == CharFold.MARK) continue; // a mark that did not compose (zalgo): dropped
            char s = CharFold.single(c);
            if (s != 0) {
                out.add(s, start, end, bits | CharFold.bits(c), Buf.NONE);
            } else {
                String m = CharFold.multi(c);
                if (m != null)
                    for (int x = 0; x < m.length(); x++)
                        out.add(m.charAt(x), start, end, bits | CharFold.bits(c), Buf.NONE);
            }
        }
        return 0;
    }

    // ---- pass 2: words, leet, separators, repeated letters ----

    static Buf words(Buf f) {
        return words(f, new Buf(f.n + 8), true);
    }

    static Buf words(Buf f, Buf w, boolean collapse) {
        int i = 0;
        while (i < f.n) {
            if (cls(f.ch[i]) == CharFold.SPACE) {
                i++;
                continue;
            }
            i = word(f, i, f.n, w, collapse);
        }
        return w;
    }

    /**
     * Pass 2 for the word starting at {@code a}, up to the next space or {@code b}; returns where it
     * ended. {@code collapse}: stretched letters collapse (not in a run of letters typed apart, where
     * each was typed on purpose: "c o n n g u", or "m i a á" with the particle "á" after it).
     */
    static int word(Buf f, int a, int b, Buf w, boolean collapse) {
        int wordStart = w.n;
        boolean first = true, soft = false, letterBefore = false;
        int carry = 0;
        int leetRunEnd = -1; // end of the current run of leet-able chars, once scanned
        boolean letterAfterRun = false;
        int k = a;
        for (; k < b; k++) {
            char c = f.ch[k];
            byte cl = cls(c);
            if (cl == CharFold.SPACE) break;
            if (k > a && isArithmetic(f, k, b)) break; // "8+2", "M8+2": two words, never "m82"
            int bits = f.bits[k];
            char out = c;
            if (cl != CharFold.LETTER) {
                char leet = Leet.map(c);
                if (leet != 0 && letterBefore) {
                    if (k >= leetRunEnd) { // scan once per run: linear even for "a0000…0b"
                        leetRunEnd = k;
                        while (leetRunEnd < b && Leet.map(f.ch[leetRunEnd]) != 0) leetRunEnd++;
                        letterAfterRun = leetRunEnd < b && cls(f.ch[leetRunEnd]) == CharFold.LETTER;
                    }
                }
                if (leet != 0 && letterBefore && letterAfterRun && k < leetRunEnd) {
                    out = leet;
                    bits |= Steps.LEET;
                } else if (cl != CharFold.DIGIT) { // punctuation or symbol inside a word: a separator
                    if (!first) {
                        soft = true;
                        carry |= Steps.SEPARATOR;
                    }
                    carry |= bits & Steps.INVISIBLE;
                    letterBefore = false;
                    continue;
                }
            }
            letterBefore = cls(out) == CharFold.LETTER;
            byte bnd = first ? Buf.HARD : soft ? Buf.SOFT : Buf.NONE;
            int p = w.n - 1;
            // Stretched letters collapse, also across separators ("n.n.n"), comparing letters
            // without tones ("iiiị" is one i) but with their diacritic ("ưu" in "lưu" stays two).
            if (collapse
                    && bnd != Buf.HARD
                    && letterBefore
                    && cls(w.ch[p]) == CharFold.LETTER
                    && CharFold.toneless(w.ch[p]) == CharFold.toneless(out)) {
                w.en[p] = f.en[k];
                w.bits[p] |= Steps.REPEAT | bits | carry;
                if (CharFold.strip(w.ch[p]) == w.ch[p]) w.ch[p] = out; // keep the marked one of "iiiị"
            } else {
                w.add(out, f.st[k], f.en[k], bits | carry, bnd);
            }
            first = false;
            soft = false;
            carry = 0;
        }
        // A word that is one letter repeated ("cc", "kkk") is an abbreviation or laughter, not a
        // stretched letter: keep it two letters long so it stays distinct from the single letter.
        if (w.n - wordStart == 1 && (w.bits[wordStart] & Steps.REPEAT) != 0) {
            w.add(w.ch[wordStart], w.st[wordStart], w.en[wordStart], w.bits[wordStart], Buf.NONE);
        }
        return k;
    }

    /** A '+' or '=' with a digit on either side is arithmetic or a score: it breaks words, like a space. */
    private static boolean isArithmetic(Buf f, int k, int b) {
        char c = f.ch[k];
        if (c != '+' && c != '=') return false;
        return cls(f.ch[k - 1]) == CharFold.DIGIT || (k + 1 < b && cls(f.ch[k + 1]) == CharFold.DIGIT);
    }

    private static byte cls(char c) {
        return CharFold.cls(c);
    }
}

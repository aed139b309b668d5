package io.livemod.rules.text;

/**
 * Turns a comment into the form rules match on, keeping for every normalized char the span of the
 * original text it came from. Three passes, each linear in the text:
 * <ol>
 *   <li>fold: NFKC (full-width, composed tone marks, stray combining marks), invisible chars
 *       removed, lower case, look-alike letters; the result, spaces and punctuation kept, is what
 *       pattern rules see;</li>
 *   <li>words: split on white space; inside a word, leetspeak between letters, separators removed
 *       (leaving a soft boundary: "đ.m", "lồ-n"), runs of one letter collapsed ("điiiiịt");</li>
 *   <li>expand: runs of single letters or spelled-out letter names joined ("d m", "đờ mờ"),
 *       whole-word teencode expanded ("vcl"), char-level teencode (đjt → đit, kak → cac).</li>
 * </ol>
 * Tone marks are not removed here: {@link NormalizedText} keeps both the marked and the stripped
 * channel, and the matcher decides per term which one counts. Immutable and thread-safe.
 */
public final class Normalizer {
    private static final Normalizer DEFAULT = new Normalizer(Teencode.builtIn());

    private final Teencode teencode;

    public Normalizer(Teencode teencode) {
        this.teencode = teencode;
    }

    public static Normalizer standard() {
        return DEFAULT;
    }

    public NormalizedText normalize(String text) {
        Buf folded = fold(text);
        Buf words = words(folded);
        return new NormalizedText(text, folded, expand(words));
    }

    // ---- pass 1: per-char folding ----

    static Buf fold(String original) {
        char[] text = original.toCharArray(); // cheaper than charAt on UTF-16 strings, which most Vietnamese are
        int n = text.length;
        Buf out = new Buf(n + 8);
        int pending = 0; // steps of removed chars, credited to the next char kept
        for (int i = 0; i < n; ) {
            char c = text[i];
            int j = i + 1;
            boolean slow = false;
            if (Character.isHighSurrogate(c) && j < n && Character.isLowSurrogate(text[j])) {
                j++;
                // Emoji and other symbols are NFKC-stable: only letters, digits and enclosed
                // alphanumerics (𝐝𝐦, 🄳) need the normalizer.
                int cp = Character.toCodePoint(c, text[j - 1]);
                slow = Character.isLetterOrDigit(cp) || (cp >= 0x1F100 && cp <= 0x1F1FF);
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
                        for (int k = 0; k < m.length(); k++) out.add(m.charAt(k), i, j, CharFold.bits(c) | pending, Buf.NONE);
                        pending = 0;
                    }
                }
            }
            i = j;
        }
        return out;
    }

    /** A base with combining marks, or a surrogate pair: compose with NFKC, then fold each char. */
    private static int foldCluster(String cluster, int start, int end, Buf out, int pending) {
        String k = java.text.Normalizer.normalize(cluster, java.text.Normalizer.Form.NFKC);
        int bits = pending | Steps.UNICODE;
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
                if (m != null) for (int x = 0; x < m.length(); x++) out.add(m.charAt(x), start, end, bits | CharFold.bits(c), Buf.NONE);
            }
        }
        return 0;
    }

    // ---- pass 2: words, leet, separators, repeated letters ----

    static Buf words(Buf f) {
        Buf w = new Buf(f.n + 8);
        int i = 0;
        while (i < f.n) {
            if (cls(f.ch[i]) == CharFold.SPACE) {
                i++;
                continue;
            }
            int a = i;
            while (i < f.n && cls(f.ch[i]) != CharFold.SPACE) i++;
            word(f, a, i, w);
        }
        return w;
    }

    private static void word(Buf f, int a, int b, Buf w) {
        int wordStart = w.n;
        boolean first = true, soft = false, letterBefore = false;
        int carry = 0;
        int leetRunEnd = -1; // end of the current run of leet-able chars, once scanned
        boolean letterAfterRun = false;
        for (int k = a; k < b; k++) {
            char c = f.ch[k];
            byte cl = cls(c);
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
            if (bnd != Buf.HARD && letterBefore && cls(w.ch[p]) == CharFold.LETTER
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
    }

    // ---- pass 3: joins and teencode ----

    private Buf expand(Buf w) {
        int i = 0;
        // Fast path, the common case: words that are neither one char long, nor a letter name, nor
        // an abbreviation only get char-level teencode, in place. The first word that may
        // restructure the stream switches to building a new buffer from there on.
        while (i < w.n) {
            int e = wordEnd(w, i);
            if (e - i == 1 || teencode.special(w.ch, i, e)) break;
            boolean doubled = e - i == 2 && w.ch[i] == w.ch[i + 1];
            for (int k = i; k < e && !doubled; k++) {
                char c = w.ch[k], t = charTeencode(c, k > i ? w.ch[k - 1] : ' ', k + 1 < e ? w.ch[k + 1] : ' ');
                if (t != c) {
                    w.ch[k] = t;
                    w.bits[k] |= Steps.TEENCODE;
                }
            }
            i = e;
        }
        if (i == w.n) return w;
        Buf s = new Buf(w.n + 16);
        for (int k = 0; k < i; k++) s.add(w.ch[k], w.st[k], w.en[k], w.bits[k], w.bnd[k]);
        Buf tmp = new Buf(16);
        while (i < w.n) {
            int end = join(w, i, true, tmp);
            if (end < 0) end = join(w, i, false, tmp); // names that spell nothing known are words
            if (end > 0) { // the joined run is one typed word: leet and repeats apply as in pass 2
                Buf joined = new Buf(tmp.n + 2);
                word(tmp, 0, tmp.n, joined);
                emitWord(joined, 0, joined.n, s);
                i = end;
            } else {
                int e = wordEnd(w, i);
                emitWord(w, i, e, s);
                i = e;
            }
        }
        return s;
    }

    /**
     * Joins the run of one-char words ("d m", "f b 8 8") and, with {@code names}, letter names
     * ("đờ mờ") starting at word {@code i} into {@code tmp}; returns the end of the run, or -1 when
     * there is no run of two with a letter in it. Letter names are ordinary words too ("lờ mờ"
     * blurry, "pê đê"), so a run using them only counts when it spells a known abbreviation.
     */
    private int join(Buf w, int i, boolean names, Buf tmp) {
        tmp.n = 0;
        boolean letters = false, spelled = false;
        int a = i;
        while (a < w.n) {
            int b = wordEnd(w, a);
            boolean single = b - a == 1 && cls(w.ch[a]) != CharFold.SEP;
            char letter = single ? w.ch[a] : names ? teencode.letter(w.ch, a, b) : 0;
            if (letter == 0) break;
            letters |= cls(letter) == CharFold.LETTER;
            spelled |= !single;
            int bits = orBits(w, a, b) | (single ? Steps.SEPARATOR : Steps.SPELLED);
            tmp.add(letter, w.st[a], w.en[b - 1], bits, tmp.n == 0 ? Buf.HARD : Buf.NONE);
            a = b;
        }
        if (tmp.n < 2 || !letters) return -1; // "2 3 cái" stays numbers
        if (spelled && teencode.expansion(tmp.ch, 0, tmp.n) == null) return -1;
        return a;
    }

    private void emitWord(Buf src, int a, int b, Buf s) {
        Teencode.Expansion x = teencode.expansion(src.ch, a, b);
        if (x != null) {
            int bits = orBits(src, a, b) | Steps.TEENCODE;
            int st = src.st[a], en = src.en[b - 1];
            for (int k = 0; k < x.chars().length; k++) {
                s.add(x.chars()[k], st, en, bits, k == 0 || x.hard()[k] ? Buf.HARD : Buf.NONE);
            }
            return;
        }
        boolean doubled = b - a == 2 && src.ch[a] == src.ch[a + 1]; // "kk" is laughter, not "cc"
        for (int k = a; k < b; k++) {
            char c = src.ch[k];
            char t = doubled ? c : charTeencode(c, k > a ? src.ch[k - 1] : ' ', k + 1 < b ? src.ch[k + 1] : ' ');
            s.add(t, src.st[k], src.en[k], t == c ? src.bits[k] : src.bits[k] | Steps.TEENCODE, src.bnd[k]);
        }
    }

    /**
     * Letters Vietnamese spelling does not use, typed for ones it does: đjt, zái, kặc. Not after a
     * digit ("100k" is a price), and "kh" is its own consonant.
     */
    private static char charTeencode(char c, char prev, char next) {
        if (prev >= '0' && prev <= '9') return c;
        switch (c) {
            case 'j': return 'i';
            case 'z': return 'd';
            case 'k': return next == 'h' ? 'k' : 'c';
            default: return c;
        }
    }

    private static int wordEnd(Buf w, int a) {
        int e = a + 1;
        while (e < w.n && w.bnd[e] != Buf.HARD) e++;
        return e;
    }

    private static int orBits(Buf w, int a, int b) {
        int bits = 0;
        for (int k = a; k < b; k++) bits |= w.bits[k];
        return bits;
    }

    private static byte cls(char c) {
        return CharFold.cls(c);
    }
}

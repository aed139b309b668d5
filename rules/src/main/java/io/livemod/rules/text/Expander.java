package io.livemod.rules.text;

/**
 * Pass 3 of {@link Normalizer}: runs of one-char words and letter names joined ("d m", "đờ mờ"),
 * whole-word teencode expanded ("vcl"; not right after a number, where it is a unit: "110 cc"),
 * char-level teencode (đjt → đit). Works word by word on
 * the output of pass 2; most comments need none of it and are finished in place. Immutable.
 */
final class Expander {
    private final Teencode teencode;

    Expander(Teencode teencode) {
        this.teencode = teencode;
    }

    /**
     * Expands {@code w}, in place when nothing restructures, else into {@code scratch}'s buffers.
     * {@code original} holds the text's chars (the gaps between words are read there).
     */
    Buf expand(Buf w, TextScratch scratch, char[] original) {
        int i = 0;
        // Fast path, the common case: words that are neither one char long, nor a letter name, nor
        // an abbreviation only get char-level teencode, in place. The first word that may
        // restructure the stream switches to building a new buffer from there on.
        while (i < w.n) {
            int e = i + 1;
            boolean charCoded = isCharCoded(w.ch[i]); // one pass finds the word's end and whether it has j/z/k
            for (; e < w.n && w.bnd[e] != Buf.HARD; e++) charCoded |= isCharCoded(w.ch[e]);
            if (e - i == 1 || teencode.special(w.ch, i, e)) break;
            boolean doubled = e - i == 2 && w.ch[i] == w.ch[i + 1];
            for (int k = i; k < e && charCoded && !doubled; k++) {
                char c = w.ch[k], t = charTeencode(c, k > i ? w.ch[k - 1] : ' ', k + 1 < e ? w.ch[k + 1] : ' ');
                if (t != c) {
                    w.ch[k] = t;
                    w.bits[k] |= Steps.TEENCODE;
                }
            }
            i = e;
        }
        if (i == w.n) return w;
        Buf s = scratch.expanded;
        for (int k = 0; k < i; k++) s.add(w.ch[k], w.st[k], w.en[k], w.bits[k], w.bnd[k]);
        Buf tmp = scratch.run;
        while (i < w.n) {
            int end = join(w, i, true, tmp, original);
            if (end < 0) end = join(w, i, false, tmp, original); // names that spell nothing known are words
            if (end > 0) { // the joined run is one typed word: leet applies as in pass 2
                Buf joined = scratch.joined.clear();
                Normalizer.word(tmp, 0, tmp.n, joined, false);
                // Each letter was typed apart, so any gap may be a word break the evasion hid: a
                // soft boundary, as for "n.h.à.c.á.i", lets a term start or end there ("v à o n h à c á i").
                for (int k = 1; k < joined.n; k++) if (joined.bnd[k] == Buf.NONE) joined.bnd[k] = Buf.SOFT;
                emitWord(joined, 0, joined.n, s, false);
                i = end;
            } else {
                int e = wordEnd(w, i);
                emitWord(w, i, e, s, afterNumber(w, i));
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
     * A run never crosses a '+' ("M + 8 + 8" is not "m88").
     */
    private int join(Buf w, int i, boolean names, Buf tmp, char[] original) {
        tmp.n = 0;
        boolean letters = false, spelled = false;
        int a = i;
        while (a < w.n) {
            int b = wordEnd(w, a);
            boolean single = b - a == 1 && cls(w.ch[a]) != CharFold.SEP;
            char letter = single ? w.ch[a] : names ? teencode.letter(w.ch, a, b) : 0;
            if (letter == 0 || (a > i && plusBetween(original, w.en[a - 1], w.st[a]))) break;
            letters |= cls(letter) == CharFold.LETTER;
            spelled |= !single;
            int bits = orBits(w, a, b) | (single ? Steps.SEPARATOR | Steps.SPACED : Steps.SPELLED);
            tmp.add(letter, w.st[a], w.en[b - 1], bits, tmp.n == 0 ? Buf.HARD : Buf.NONE);
            a = b;
        }
        if (tmp.n < 2 || !letters) return -1; // "2 3 cái" stays numbers
        if (spelled && teencode.expansion(tmp.ch, 0, tmp.n) == null) return -1;
        return a;
    }

    /** {@code unit}: the word follows a number, so an abbreviation there is a unit ("110 cc", "2 dm"), kept as is. */
    private void emitWord(Buf src, int a, int b, Buf s, boolean unit) {
        Teencode.Expansion x = unit ? null : teencode.expansion(src.ch, a, b);
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

    /** The chars {@link #charTeencode} may change. */
    private static boolean isCharCoded(char c) {
        return c == 'j' || c == 'z' || c == 'k';
    }

    /**
     * Letters Vietnamese spelling does not use, typed for ones it does: đjt, zái, kặc. Not after a
     * digit ("100k" is a price), and "kh" is its own consonant.
     */
    private static char charTeencode(char c, char prev, char next) {
        if (prev >= '0' && prev <= '9') return c;
        switch (c) {
            case 'j':
                return 'i';
            case 'z':
                return 'd';
            case 'k':
                return next == 'h' ? 'k' : 'c';
            default:
                return c;
        }
    }

    /** Whether the word before the one starting at {@code i} is all digits. */
    private static boolean afterNumber(Buf w, int i) {
        if (i == 0) return false;
        int k = i - 1;
        for (; k >= 0; k--) {
            if (cls(w.ch[k]) != CharFold.DIGIT) return false;
            if (w.bnd[k] == Buf.HARD) return true;
        }
        return true;
    }

    private static boolean plusBetween(char[] original, int from, int to) {
        for (int k = from; k < to; k++) if (original[k] == '+') return true;
        return false;
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

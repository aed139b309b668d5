package io.livemod.rules;

import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Steps;

/**
 * Decides whether a candidate found on the stripped channel is a real hit: word boundaries for the
 * rule's match mode, and tone marks. Marks are judged per word of the term: a word of the text typed
 * with any mark (a tone, or đ ă â ê ô ơ ư) must carry exactly the term's marks ("lộn" is not "lồn",
 * "đi" is not "đĩ"); a word typed in plain letters matches the term's word stripped ("dit" is "địt"),
 * unless the rule turned that off, in which case only a plain word typed with an evasion matches.
 * Stateless.
 */
final class TermMatcher {
    private TermMatcher() {}

    /** Evasions that a plain word typed innocently never carries (see {@link #evaded}). */
    private static final int ANYWHERE = Steps.LEET | Steps.FULLWIDTH | Steps.LOOKALIKE;

    /** Step bits of the hit of {@code t} on stream span [s, e), or -1 when it is not a hit. */
    static int verify(NormalizedText nt, Term t, int s, int e, MatchMode mode, boolean unaccented) {
        return verify(nt, t, s, e, mode, unaccented, false);
    }

    /**
     * As above; with {@code evidence}, a word typed without the term's marks also matches a rule
     * that refuses unaccented text when the hit was typed with an evasion ({@link #evaded}): "l0n",
     * "ｃａｃ", "cAc", "đ-e-o" are not the everyday "lon", "các", "đeo" anyone types by accident.
     */
    static int verify(NormalizedText nt, Term t, int s, int e, MatchMode mode, boolean unaccented, boolean evidence) {
        if (mode != MatchMode.SUBSTRING && nt.boundary(s) == NormalizedText.NONE) return -1;
        if ((mode == MatchMode.WORD || mode == MatchMode.PHRASE) && nt.boundary(e) == NormalizedText.NONE) return -1;
        int len = e - s;
        for (int k = 1; k < len; k++) {
            byte b = nt.boundary(s + k);
            if (t.hardBefore()[k]) {
                if (mode == MatchMode.WORD && b == NormalizedText.NONE) return -1; // "con mẹ" ≠ "conmẹ" in word mode
            } else if (b == NormalizedText.HARD) {
                return -1; // "lo n" is two words, not "lon"
            }
        }
        int bits = 0;
        for (int a = 0, k = 1; k <= len; k++) {
            if (k < len && !t.hardBefore()[k]) continue;
            int seg = accents(nt, t, s, a, k);
            if (seg < 0 || (seg > 0 && !unaccented && !(evidence && evaded(nt, s, e)))) return -1;
            bits |= seg;
            a = k;
        }
        for (int i = s; i < e; i++) bits |= nt.steps(i);
        return bits;
    }

    /**
     * Whether the span was typed with an evasion: leetspeak, full-width or look-alike letters
     * anywhere; an invisible char inside it; a separator between two of its letters (one before its
     * first letter belongs to the word before, "bia-lon"; "ku..kkk" is laughter), or spaces between
     * them in a span of three letters or more ("e o" is two teencode words, "em ơi"); or a lower-case letter
     * followed by a capital in one word ("cAc", "lOn"; not "Lon" at a sentence start, "LON" in
     * capitals, nor "CAm" with the shift key held a letter too long). Fancy fonts (𝐥𝐨𝐧, 🄻🄾🄽) are
     * not evidence: people write their names in them.
     */
    static boolean evaded(NormalizedText nt, int s, int e) {
        boolean lowerBefore = false;
        for (int i = s; i < e; i++) {
            int bits = nt.steps(i);
            if ((bits & ANYWHERE) != 0) return true;
            boolean upper = (bits & Steps.CASE) != 0;
            if (i > s) {
                if ((bits & Steps.INVISIBLE) != 0) return true;
                boolean separated = (bits & (Steps.SEPARATOR | Steps.REPEAT)) == Steps.SEPARATOR;
                if (separated && ((bits & Steps.SPACED) == 0 || e - s >= 3)) return true;
                if (nt.boundary(i) == NormalizedText.HARD) lowerBefore = false;
                else if (upper && lowerBefore) return true;
            }
            lowerBefore = !upper;
        }
        return false;
    }

    /** 0 when the term's word [a, k) matches as typed, UNACCENTED when typed without its marks, -1 if not. */
    private static int accents(NormalizedText nt, Term t, int s, int a, int k) {
        boolean textMarked = false, termMarked = false;
        for (int j = a; j < k; j++) {
            textMarked |= nt.isMarked(s + j);
            termMarked |= t.markedAt()[j];
        }
        if (textMarked) {
            for (int j = a; j < k; j++) if (nt.marked(s + j) != t.marked()[j]) return -1;
            return 0;
        }
        return termMarked ? Steps.UNACCENTED : 0;
    }
}

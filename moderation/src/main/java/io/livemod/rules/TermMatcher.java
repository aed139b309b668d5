package io.livemod.rules;

import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Steps;

/**
 * Decides whether a candidate found on the stripped channel is a real hit: word boundaries for the
 * rule's match mode, and tone marks. Marks are judged per word of the term: a word of the text typed
 * with any mark (a tone, or đ ă â ê ô ơ ư) must carry exactly the term's marks ("lộn" is not "lồn",
 * "đi" is not "đĩ"); a word typed in plain letters matches the term's word stripped ("dit" is "địt"),
 * unless the rule turned that off. Stateless.
 */
final class TermMatcher {
    private TermMatcher() {}

    /** Step bits of the hit of {@code t} on stream span [s, e), or -1 when it is not a hit. */
    static int verify(NormalizedText nt, Term t, int s, int e, MatchMode mode, boolean unaccented) {
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
            if (seg < 0 || (seg > 0 && !unaccented)) return -1;
            bits |= seg;
            a = k;
        }
        for (int i = s; i < e; i++) bits |= nt.steps(i);
        return bits;
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

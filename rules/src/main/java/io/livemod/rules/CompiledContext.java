package io.livemod.rules;

import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Normalizer;
import java.util.List;

/**
 * A rule's {@link Context}, its phrases normalized once: decides whether a hit is in the context
 * that makes it abuse. Only consulted for hits of rules that have a context, so the common path
 * (no hit) pays nothing. Looks at the {@code window} words either side of the hit, never across the
 * end of a sentence (. ! ? ; … or a line break in the original text). A phrase written with marks
 * matches a word typed without them only in a comment typed without any mark (and a rule whose
 * terms may match unaccented): in "anh ơi", "anh" is not "ảnh". Immutable.
 */
final class CompiledContext {
    private static final String SENTENCE_ENDS = ".!?;…\n\r";

    private final Term[] needs;
    private final Term[] unless;
    private final int window;
    private final Severity otherwise;
    private final boolean unaccented;

    private CompiledContext(Term[] needs, Term[] unless, int window, Severity otherwise, boolean unaccented) {
        this.needs = needs;
        this.unless = unless;
        this.window = window;
        this.otherwise = otherwise;
        this.unaccented = unaccented;
    }

    /** The rule's context compiled, or null when it has none. */
    static CompiledContext of(Rule rule, Normalizer normalizer) {
        Context c = rule.context();
        if (c == null) return null;
        return new CompiledContext(
                terms(c.needs(), rule, normalizer),
                terms(c.unless(), rule, normalizer),
                c.window(),
                c.otherwise(),
                rule.unaccented());
    }

    private static Term[] terms(List<String> phrases, Rule rule, Normalizer normalizer) {
        Term[] out = new Term[phrases.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = CompiledTerms.term(normalizer, phrases.get(i), -1, false, "rule " + rule.id() + " context");
        }
        return out;
    }

    /** What an out-of-context hit becomes: null for shadow, else the severity it flags at. */
    Severity otherwise() {
        return otherwise;
    }

    /** Whether the hit on stream span [s, e) is in context: no {@code unless} phrase near, and a {@code needs} one if any. */
    boolean holds(NormalizedText nt, int s, int e) {
        if (unless.length > 0 && near(nt, s, e, unless)) return false;
        return needs.length == 0 || near(nt, s, e, needs);
    }

    private boolean near(NormalizedText nt, int s, int e, Term[] phrases) {
        // A word typed plain in a comment typed with marks is as typed ("anh" is not "ảnh" there);
        // only a comment typed without any mark reads plain words as possibly unaccented.
        boolean plain = unaccented && !anyMarked(nt);
        int p = wordStart(nt, s);
        for (int w = 0; w < window && p > 0; w++) { // the words before, nearest first
            if (sentenceEnds(nt, p - 1, p)) break;
            int prev = wordStart(nt, p - 1);
            if (startsAny(nt, prev, phrases, plain)) return true;
            p = prev;
        }
        int q = nextWord(nt, e);
        for (int w = 0; w < window && q < nt.length(); w++) { // the words after
            if (sentenceEnds(nt, q - 1, q)) break;
            if (startsAny(nt, q, phrases, plain)) return true;
            q = nextWord(nt, q + 1);
        }
        return false;
    }

    private static boolean startsAny(NormalizedText nt, int p, Term[] phrases, boolean plain) {
        for (Term t : phrases) {
            int end = p + t.length();
            if (end > nt.length()) continue;
            boolean same = true;
            for (int k = 0; k < t.length() && same; k++) same = nt.stripped(p + k) == t.stripped()[k];
            if (same && TermMatcher.verify(nt, t, p, end, MatchMode.WORD, plain) >= 0) return true;
        }
        return false;
    }

    private static boolean anyMarked(NormalizedText nt) {
        for (int i = 0; i < nt.length(); i++) if (nt.isMarked(i)) return true;
        return false;
    }

    /** Start of the word holding stream position {@code i}. */
    private static int wordStart(NormalizedText nt, int i) {
        while (i > 0 && nt.boundary(i) != NormalizedText.HARD) i--;
        return i;
    }

    /** The first word start at or after {@code i} (the stream length when none). */
    private static int nextWord(NormalizedText nt, int i) {
        while (i < nt.length() && nt.boundary(i) != NormalizedText.HARD) i++;
        return i;
    }

    /** Whether the original text between stream chars {@code a} and {@code b} ends a sentence. */
    private static boolean sentenceEnds(NormalizedText nt, int a, int b) {
        for (int i = nt.end(a), to = nt.start(b); i < to; i++)
            if (SENTENCE_ENDS.indexOf(nt.originalChar(i)) >= 0) return true;
        return false;
    }
}

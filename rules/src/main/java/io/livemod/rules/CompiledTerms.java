package io.livemod.rules;

import io.livemod.rules.automaton.Automaton;
import io.livemod.rules.automaton.Hits;
import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every keyword and allow term of a rule set, normalized once and put in one automaton over the
 * stripped channel, so the scan costs the same for 10 terms or 100,000. Immutable.
 */
final class CompiledTerms {
    private final Term[] terms;
    private final Automaton automaton;

    private CompiledTerms(Term[] terms, Automaton automaton) {
        this.terms = terms;
        this.automaton = automaton;
    }

    /** {@code rules} are the compiled keyword rules; a term that normalizes to nothing is refused. */
    static CompiledTerms build(List<Rule> rules, List<String> globalAllow, Normalizer normalizer) {
        List<Term> out = new ArrayList<>();
        for (String a : globalAllow) add(out, term(normalizer, a, -1, true, "allow"), normalizer);
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            for (String t : rule.terms()) add(out, term(normalizer, t, r, false, "rule " + rule.id()), normalizer);
            for (String a : rule.allow()) add(out, term(normalizer, a, r, true, "rule " + rule.id()), normalizer);
        }
        List<char[]> patterns = new ArrayList<>(out.size());
        byte[] anchors = new byte[out.size()];
        for (int i = 0; i < out.size(); i++) {
            Term t = out.get(i);
            patterns.add(t.stripped());
            MatchMode mode =
                    t.allow() ? MatchMode.SUBSTRING : rules.get(t.owner()).match();
            if (mode != MatchMode.SUBSTRING) anchors[i] |= Automaton.START;
            if (mode == MatchMode.WORD || mode == MatchMode.PHRASE) anchors[i] |= Automaton.END;
        }
        return new CompiledTerms(out.toArray(new Term[0]), Automaton.build(patterns, anchors));
    }

    /**
     * The term, its collapsed variant, and the term as it reads spelled letter by letter, where
     * doubled letters stay double ("baccarat" normalizes to "bacarat", "b a c c a r a t" does not).
     */
    private static void add(List<Term> out, Term t, Normalizer normalizer) {
        out.add(t);
        Term v = collapsedVariant(t);
        if (v != null) out.add(v);
        Term spelled = of(normalizer.normalizeAsSpelled(t.text()), t.text(), t.owner(), t.allow());
        if (!Arrays.equals(spelled.stripped(), t.stripped())) out.add(spelled);
    }

    /**
     * "lưu" strips to "luu", but the same word typed unaccented, "luu", reaches the stream as "lu":
     * repeated letters collapse there, and only the marks kept "ưu" apart. So a term whose stripped
     * form has a doubled letter inside a word also gets a variant with the doubles collapsed. So does
     * a double across words ("óc chó", "con ngu"): spelled letter by letter ("ó-c-c-h-ó", "c o n n g u")
     * the two letters collapse into one, and the word break stays with the letter after them.
     * Letters only: digits never carry marks and never collapse, and a "m8" variant of "m88" would
     * flag "M8+2" in a football comment.
     */
    static Term collapsedVariant(Term t) {
        int n = t.length(), keep = 0;
        boolean[] drop = new boolean[n];
        for (int i = 1; i < n; i++) {
            char c = t.stripped()[i];
            boolean acrossUnmarked = !t.hardBefore()[i] || !t.markedAt()[i];
            drop[i] = acrossUnmarked && Character.isLetter(c) && c == t.stripped()[i - 1] && !drop[i - 1];
            if (!drop[i]) keep++;
        }
        if (keep + 1 == n) return null;
        char[] marked = new char[keep + 1], stripped = new char[keep + 1];
        boolean[] hard = new boolean[keep + 1], markedAt = new boolean[keep + 1];
        boolean hardPending = false;
        for (int i = 0, j = 0; i < n; i++) {
            if (drop[i]) {
                markedAt[j - 1] |= t.markedAt()[i]; // the word still carries the dropped mark
                hardPending |= t.hardBefore()[i];
                continue;
            }
            marked[j] = t.marked()[i];
            stripped[j] = t.stripped()[i];
            hard[j] = t.hardBefore()[i] || hardPending;
            markedAt[j] = t.markedAt()[i];
            hardPending = false;
            j++;
        }
        return new Term(t.text(), t.owner(), t.allow(), marked, stripped, hard, markedAt);
    }

    static Term term(Normalizer normalizer, String text, int owner, boolean allow, String where) {
        NormalizedText nt = normalizer.normalize(text);
        if (nt.length() == 0)
            throw new IllegalArgumentException(where + ": term '" + text + "' has no letters or digits");
        return of(nt, text, owner, allow);
    }

    private static Term of(NormalizedText nt, String text, int owner, boolean allow) {
        int n = nt.length();
        char[] marked = new char[n], stripped = new char[n];
        boolean[] hard = new boolean[n], markedAt = new boolean[n];
        for (int i = 0; i < n; i++) {
            marked[i] = nt.marked(i);
            stripped[i] = nt.stripped(i);
            hard[i] = i > 0 && nt.boundary(i) == NormalizedText.HARD;
            markedAt[i] = nt.isMarked(i);
        }
        return new Term(text, owner, allow, marked, stripped, hard, markedAt);
    }

    Term term(int id) {
        return terms[id];
    }

    int size() {
        return terms.length;
    }

    Automaton automaton() {
        return automaton;
    }

    /** Scans {@code nt} into {@code hits}, which is cleared first. */
    Hits scan(NormalizedText nt, Hits hits) {
        hits.clear();
        automaton.scan(nt.strippedChars(), nt.length(), nt.boundaries(), hits);
        return hits;
    }
}

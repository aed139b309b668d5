package io.livemod.rules;

import io.livemod.rules.automaton.Automaton;
import io.livemod.rules.automaton.Hits;
import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Normalizer;

import java.util.ArrayList;
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
        for (String a : globalAllow) out.add(term(normalizer, a, -1, true, "allow"));
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            for (String t : rule.terms()) out.add(term(normalizer, t, r, false, "rule " + rule.id()));
            for (String a : rule.allow()) out.add(term(normalizer, a, r, true, "rule " + rule.id()));
        }
        List<char[]> patterns = new ArrayList<>(out.size());
        for (Term t : out) patterns.add(t.stripped());
        return new CompiledTerms(out.toArray(new Term[0]), Automaton.build(patterns));
    }

    static Term term(Normalizer normalizer, String text, int owner, boolean allow, String where) {
        NormalizedText nt = normalizer.normalize(text);
        int n = nt.length();
        if (n == 0) throw new IllegalArgumentException(where + ": term '" + text + "' has no letters or digits");
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

    Hits scan(NormalizedText nt) {
        Hits hits = new Hits();
        automaton.scan(nt.strippedChars(), nt.length(), hits);
        return hits;
    }
}

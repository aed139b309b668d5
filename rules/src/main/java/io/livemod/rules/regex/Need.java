package io.livemod.rules.regex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every match of a sub-expression contains, for {@link Prefilter}: {@code lit} when the
 * sub-expression matches exactly one string, and clauses that each must hold.
 */
record Need(String lit, List<Prefilter.Clause> clauses) {
    /** Matches only the empty string (anchors, \b): contributes nothing, keeps literals joined. */
    static final Need EMPTY = new Need("", List.of());
    /** Nothing is required (may match empty, or can't tell). */
    static final Need NONE = new Need(null, List.of());

    private static final int MAX_LITERAL = 32;

    static Need literal(String s) {
        return new Need(s, List.of(new Prefilter.Literals(Set.of(s))));
    }

    static Need chars(CharSet s) {
        return new Need(null, List.of(new Prefilter.Chars(s)));
    }

    /** x{min,max}: nothing if x may be left out, else what x needs (joined when the count is fixed). */
    Need repeated(int min, int max) {
        if (min == 0) return NONE;
        if (min == 1 && max == 1) return this;
        if (lit != null && min == max && lit.length() * min <= MAX_LITERAL)
            return lit.isEmpty() ? EMPTY : literal(lit.repeat(min));
        return new Need(null, clauses);
    }

    /** a|b (neither may match empty): one clause that holds for both, from each side's most selective. */
    Need or(Need other) {
        Prefilter.Clause a = best(), b = other.best();
        if (a == null || b == null) return NONE;
        if (a instanceof Prefilter.Literals la && b instanceof Prefilter.Literals lb) {
            Set<String> any = new LinkedHashSet<>(la.any());
            any.addAll(lb.any());
            return new Need(null, List.of(new Prefilter.Literals(any)));
        }
        return new Need(null, List.of(new Prefilter.Chars(chars(a).set().union(chars(b).set()))));
    }

    private Prefilter.Clause best() {
        return clauses.stream()
                .min(Comparator.comparingInt(Prefilter.Clause::cost))
                .orElse(null);
    }

    private static Prefilter.Chars chars(Prefilter.Clause c) {
        return c instanceof Prefilter.Literals l ? l.chars() : (Prefilter.Chars) c;
    }

    /** A sequence: adjacent literals join into one required string; every other part adds its clauses. */
    static final class Builder {
        private final StringBuilder run = new StringBuilder();
        private final List<Prefilter.Clause> clauses = new ArrayList<>();
        private boolean allLiteral = true;

        void then(Need n) {
            if (n.lit() != null) {
                run.append(n.lit());
                return;
            }
            allLiteral = false;
            flush();
            clauses.addAll(n.clauses());
        }

        Need build() {
            String whole = allLiteral ? run.toString() : null;
            flush();
            if (whole != null) return whole.isEmpty() ? EMPTY : literal(whole);
            return new Need(null, List.copyOf(clauses));
        }

        private void flush() {
            if (run.length() > 0) clauses.add(new Prefilter.Literals(Set.of(run.toString())));
            run.setLength(0);
        }
    }
}

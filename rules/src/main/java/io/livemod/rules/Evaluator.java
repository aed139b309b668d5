package io.livemod.rules;

import io.livemod.rules.automaton.Hits;
import io.livemod.rules.regex.Prefilter;
import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Steps;
import io.livemod.rules.text.TextScratch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates comments against one {@link CompiledRuleSet} with reusable scratch buffers: normalize
 * once, run one automaton over it for every keyword and allow term, check each candidate's
 * boundaries and tone marks ({@link TermMatcher}), drop hits covered by an allow term, judge the
 * word-sense context of rules that have one, then run the pattern rules on the folded text. <b>Not thread-safe</b>: take one per thread (or per stream task)
 * from {@link CompiledRuleSet#evaluator()}; the returned {@link Verdict}s are immutable and keep no
 * reference to the scratch.
 */
public final class Evaluator {
    /** Per rule, by start, longest first: a hit inside the previous one of its rule is then adjacent. */
    private static final Comparator<Candidate> BY_RULE_THEN_SPAN = Comparator.comparingInt(Candidate::rule)
            .thenComparingInt(Candidate::s)
            .thenComparing(Comparator.comparingInt(Candidate::e).reversed());

    private static final Comparator<Match> BY_OFFSET =
            Comparator.comparingInt(Match::start).thenComparingInt(Match::end);

    private final CompiledRuleSet compiled;
    private final TextScratch scratch = new TextScratch();
    private final Hits hits = new Hits();
    private final List<Candidate> found = new ArrayList<>();
    private final List<int[]> allowed = new ArrayList<>(); // {owner, s, e}

    Evaluator(CompiledRuleSet compiled) {
        this.compiled = compiled;
    }

    /** The rule set this evaluator runs. */
    public CompiledRuleSet ruleSet() {
        return compiled;
    }

    /** Same result as {@link CompiledRuleSet#evaluate}, without allocating scratch per call. */
    public Verdict evaluate(String text, Scope scope) {
        return evaluate(compiled.normalizer().normalize(text == null ? "" : text, scratch), scope);
    }

    /**
     * The same for the text {@code text[0..n)}, read in place (not kept): for a caller that decodes
     * bytes itself, so a comment that flags nothing is never made a String.
     */
    public Verdict evaluate(char[] text, int n, Scope scope) {
        return evaluate(compiled.normalizer().normalize(text, n, scratch), scope);
    }

    private Verdict evaluate(NormalizedText nt, Scope scope) {
        Scope where = scope == null ? Scope.ANY : scope;
        found.clear();
        keywordHits(nt, where);
        patternHits(nt, where);
        String version = compiled.version();
        if (found.isEmpty()) return new Verdict(version, List.of(), List.of()); // most comments
        found.sort(BY_RULE_THEN_SPAN);
        List<Match> live = new ArrayList<>(), shadow = new ArrayList<>();
        int lastRule = -1, maxEnd = -1;
        for (Candidate c : found) { // a hit inside a longer hit of the same rule adds nothing
            if (c.rule() == lastRule && c.e() <= maxEnd) continue;
            if (c.rule() != lastRule) maxEnd = -1;
            lastRule = c.rule();
            maxEnd = Math.max(maxEnd, c.e());
            (c.shadow() ? shadow : live).add(c.toMatch());
        }
        found.clear(); // drop references to this comment's strings
        live.sort(BY_OFFSET);
        shadow.sort(BY_OFFSET);
        return new Verdict(version, live, shadow);
    }

    private void keywordHits(NormalizedText nt, Scope where) {
        CompiledTerms terms = compiled.terms();
        if (terms.size() == 0 || nt.length() == 0) return;
        terms.scan(nt, hits);
        if (hits.size() == 0) return;
        List<Rule> keywordRules = compiled.keywordRules();
        allowed.clear();
        for (int i = 0; i < hits.size(); i++) {
            Term t = terms.term(hits.pattern(i));
            if (!t.allow()) continue;
            int e = hits.end(i), s = e - t.length();
            Rule owner = t.owner() < 0 ? null : keywordRules.get(t.owner());
            if (TermMatcher.verify(nt, t, s, e, MatchMode.SUBSTRING, owner == null || owner.unaccented(), true) < 0)
                continue;
            allowed.add(new int[] {t.owner(), s, e});
        }
        for (int i = 0; i < hits.size(); i++) {
            Term t = terms.term(hits.pattern(i));
            if (t.allow()) continue;
            Rule rule = keywordRules.get(t.owner());
            if (!rule.appliesTo(where)) continue;
            int e = hits.end(i), s = e - t.length();
            int steps = TermMatcher.verify(nt, t, s, e, rule.match(), rule.unaccented(), true);
            if (steps < 0 || isAllowed(t.owner(), s, e)) continue;
            boolean shadow = rule.state() == RuleState.SHADOW;
            Severity severity = rule.severity();
            CompiledContext context = compiled.context(t.owner());
            if (context != null && !context.holds(nt, s, e)) { // out of context: shadow, or flagged lower
                shadow |= context.otherwise() == null;
                if (context.otherwise() != null) severity = context.otherwise();
            }
            found.add(new Candidate(
                    t.owner(), rule, t.text(), s, e, nt.start(s), nt.end(e - 1), steps, shadow, severity));
        }
    }

    private boolean isAllowed(int owner, int s, int e) {
        for (int[] a : allowed) if ((a[0] == -1 || a[0] == owner) && a[1] <= s && e <= a[2]) return true;
        return false;
    }

    private void patternHits(NormalizedText nt, Scope where) {
        List<PatternRule> patternRules = compiled.patternRules();
        if (patternRules.isEmpty()) return;
        int keywordCount = compiled.keywordRules().size();
        char[] foldedChars = nt.foldedChars();
        int foldedLength = nt.foldedLength();
        String folded = null; // made only for a pattern whose prefilter passes: most comments need none
        Prefilter.TextChars chars = null;
        for (int p = 0; p < patternRules.size(); p++) {
            PatternRule pr = patternRules.get(p);
            if (!pr.rule().appliesTo(where)) continue;
            if (chars == null) chars = Prefilter.TextChars.of(foldedChars, foldedLength); // once for every pattern
            if (!pr.regex().prefilter().mayMatch(foldedChars, foldedLength, chars)) continue;
            if (folded == null) folded = nt.folded();
            for (int[] span : pr.regex().findUnfiltered(folded)) {
                String hit = folded.substring(span[0], span[1]);
                if (pr.allow().stream().anyMatch(hit::contains)) continue;
                int steps = 0;
                for (int i = span[0]; i < span[1]; i++) steps |= nt.foldedSteps(i);
                int start = nt.foldedStart(span[0]), end = nt.foldedEnd(span[1] - 1);
                found.add(new Candidate(
                        keywordCount + p,
                        pr.rule(),
                        nt.original().substring(start, end),
                        span[0],
                        span[1],
                        start,
                        end,
                        steps,
                        pr.rule().state() == RuleState.SHADOW,
                        pr.rule().severity()));
            }
        }
    }

    /**
     * A hit before de-duplication: {@code rule} indexes keyword rules then pattern rules; s/e are
     * stream positions; {@code shadow} and {@code severity} are the rule's, unless its context changed them.
     */
    private record Candidate(
            int rule,
            Rule match,
            String term,
            int s,
            int e,
            int start,
            int end,
            int steps,
            boolean shadow,
            Severity severity) {
        Match toMatch() {
            return new Match(
                    match.id(), match.kind(), match.category(), severity, term, start, end, Steps.names(steps));
        }
    }
}

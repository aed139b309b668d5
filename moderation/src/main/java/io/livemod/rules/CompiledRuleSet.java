package io.livemod.rules;

import io.livemod.rules.automaton.Hits;
import io.livemod.rules.regex.BoundedRegex;
import io.livemod.rules.regex.RegexSafety;
import io.livemod.rules.regex.UnsafePatternException;
import io.livemod.rules.text.NormalizedText;
import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.Steps;
import io.livemod.rules.text.Teencode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A rule set compiled for matching: built once per version, immutable, shared across threads.
 * Evaluation normalizes the text once ({@link Normalizer}), runs one automaton over it for every
 * keyword and allow term, checks each candidate's boundaries and tone marks ({@link TermMatcher}),
 * drops hits covered by an allow term, then runs the pattern rules on the folded text.
 */
public final class CompiledRuleSet {
    /** Per rule, by start, longest first: a hit inside the previous one of its rule is then adjacent. */
    private static final Comparator<Candidate> BY_RULE_THEN_SPAN = Comparator.comparingInt(Candidate::rule)
            .thenComparingInt(Candidate::s).thenComparing(Comparator.comparingInt(Candidate::e).reversed());
    private static final Comparator<Match> BY_OFFSET = Comparator.comparingInt(Match::start).thenComparingInt(Match::end);

    private final RuleSet rules;
    private final Normalizer normalizer;
    private final List<Rule> keywordRules;
    private final CompiledTerms terms;
    private final List<PatternRule> patternRules;

    private CompiledRuleSet(RuleSet rules, Normalizer normalizer, List<Rule> keywordRules, CompiledTerms terms,
                            List<PatternRule> patternRules) {
        this.rules = rules;
        this.normalizer = normalizer;
        this.keywordRules = keywordRules;
        this.terms = terms;
        this.patternRules = patternRules;
    }

    /**
     * Compiles {@code rules}; rules that are {@code off} are left out. Throws IllegalArgumentException
     * for a rule set built in code with an unsafe pattern or an empty term (the loader reports those
     * with file and line before this point).
     */
    public static CompiledRuleSet compile(RuleSet rules) {
        Normalizer normalizer = new Normalizer(Teencode.builtIn().with(rules.teencode()));
        List<Rule> keyword = new ArrayList<>();
        List<PatternRule> patterns = new ArrayList<>();
        for (Rule r : rules.rules()) {
            if (r.state() == RuleState.OFF) continue;
            if (r.kind() == RuleKind.KEYWORD) {
                keyword.add(r);
            } else {
                try {
                    List<String> allow = r.allow().stream().map(a -> normalizer.normalize(a).folded()).toList();
                    patterns.add(new PatternRule(r, new BoundedRegex(RegexSafety.check(r.pattern())), allow));
                } catch (UnsafePatternException e) {
                    throw new IllegalArgumentException("rule " + r.id() + ": pattern: " + e.getMessage(), e);
                }
            }
        }
        CompiledTerms terms = CompiledTerms.build(keyword, rules.allow(), normalizer);
        return new CompiledRuleSet(rules, normalizer, List.copyOf(keyword), terms, List.copyOf(patterns));
    }

    public String version() {
        return rules.version();
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** Number of states of the term automaton and its approximate heap footprint, for sizing. */
    public int automatonStates() {
        return terms.automaton().states();
    }

    public long automatonBytes() {
        return terms.automaton().footprintBytes();
    }

    /** The text as the keyword rules see it (marked channel, words spaced), for {@code --explain}. */
    public String normalized(String text) {
        return normalizer.normalize(text == null ? "" : text).display();
    }

    public Verdict evaluate(String text, Scope scope) {
        NormalizedText nt = normalizer.normalize(text == null ? "" : text);
        Scope where = scope == null ? Scope.ANY : scope;
        List<Candidate> found = new ArrayList<>();
        keywordHits(nt, where, found);
        patternHits(nt, where, found);
        if (found.isEmpty()) return new Verdict(version(), List.of(), List.of()); // most comments
        found.sort(BY_RULE_THEN_SPAN);
        List<Match> live = new ArrayList<>(), shadow = new ArrayList<>();
        int lastRule = -1, maxEnd = -1;
        for (Candidate c : found) { // a hit inside a longer hit of the same rule adds nothing
            if (c.rule() == lastRule && c.e() <= maxEnd) continue;
            if (c.rule() != lastRule) maxEnd = -1;
            lastRule = c.rule();
            maxEnd = Math.max(maxEnd, c.e());
            (c.match().state() == RuleState.SHADOW ? shadow : live).add(c.toMatch());
        }
        live.sort(BY_OFFSET);
        shadow.sort(BY_OFFSET);
        return new Verdict(version(), live, shadow);
    }

    private void keywordHits(NormalizedText nt, Scope where, List<Candidate> found) {
        if (terms.size() == 0 || nt.length() == 0) return;
        Hits hits = terms.scan(nt);
        if (hits.size() == 0) return;
        List<int[]> allowed = null; // {owner, s, e}
        for (int i = 0; i < hits.size(); i++) {
            Term t = terms.term(hits.pattern(i));
            if (!t.allow()) continue;
            int e = hits.end(i), s = e - t.length();
            Rule owner = t.owner() < 0 ? null : keywordRules.get(t.owner());
            if (TermMatcher.verify(nt, t, s, e, MatchMode.SUBSTRING, owner == null || owner.unaccented()) < 0) continue;
            if (allowed == null) allowed = new ArrayList<>();
            allowed.add(new int[] {t.owner(), s, e});
        }
        for (int i = 0; i < hits.size(); i++) {
            Term t = terms.term(hits.pattern(i));
            if (t.allow()) continue;
            Rule rule = keywordRules.get(t.owner());
            if (!rule.appliesTo(where)) continue;
            int e = hits.end(i), s = e - t.length();
            int steps = TermMatcher.verify(nt, t, s, e, rule.match(), rule.unaccented());
            if (steps < 0 || isAllowed(allowed, t.owner(), s, e)) continue;
            found.add(new Candidate(t.owner(), rule, t.text(), s, e, nt.start(s), nt.end(e - 1), steps));
        }
    }

    private static boolean isAllowed(List<int[]> allowed, int owner, int s, int e) {
        if (allowed == null) return false;
        for (int[] a : allowed) if ((a[0] == -1 || a[0] == owner) && a[1] <= s && e <= a[2]) return true;
        return false;
    }

    private void patternHits(NormalizedText nt, Scope where, List<Candidate> found) {
        if (patternRules.isEmpty()) return;
        String folded = null;
        for (int p = 0; p < patternRules.size(); p++) {
            PatternRule pr = patternRules.get(p);
            if (!pr.rule().appliesTo(where)) continue;
            if (folded == null) folded = nt.folded();
            for (int[] span : pr.regex().find(folded)) {
                String hit = folded.substring(span[0], span[1]);
                if (pr.allow().stream().anyMatch(hit::contains)) continue;
                int steps = 0;
                for (int i = span[0]; i < span[1]; i++) steps |= nt.foldedSteps(i);
                int start = nt.foldedStart(span[0]), end = nt.foldedEnd(span[1] - 1);
                found.add(new Candidate(keywordRules.size() + p, pr.rule(), nt.original().substring(start, end),
                        span[0], span[1], start, end, steps));
            }
        }
    }

    /** The text reduced to the form used to spot the same message sent by many (duplicate floods). */
    public static String canonical(String text) {
        return Normalizer.standard().normalize(text == null ? "" : text).canonical();
    }

    /** A hit before de-duplication: {@code rule} indexes keyword rules then pattern rules; s/e are stream positions. */
    private record Candidate(int rule, Rule match, String term, int s, int e, int start, int end, int steps) {
        Match toMatch() {
            return new Match(match.id(), match.kind().wire(), match.category(), match.severity(), term, start, end,
                    Steps.names(steps));
        }
    }
}

package io.livemod.rules;

import io.livemod.rules.regex.BoundedRegex;
import io.livemod.rules.regex.RegexSafety;
import io.livemod.rules.regex.UnsafePatternException;
import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.Teencode;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule set compiled for matching: built once per version, its rules immutable, shared across
 * threads (the only mutable part is the lock-free pool of idle {@link Evaluator}s).
 * Evaluation ({@link Evaluator}) normalizes the text once ({@link Normalizer}), runs one automaton
 * over it for every keyword and allow term, checks each candidate ({@link TermMatcher}), drops hits
 * covered by an allow term, judges the word-sense context of rules that have one
 * ({@link CompiledContext}), then runs the pattern rules on the folded text.
 */
public final class CompiledRuleSet {
    private final RuleSet rules;
    private final Normalizer normalizer;
    private final List<Rule> keywordRules;
    private final CompiledTerms terms;
    private final CompiledContext[] contexts; // per keyword rule, null where it has none
    private final List<PatternRule> patternRules;
    private final EvaluatorPool pool = new EvaluatorPool(this);

    private CompiledRuleSet(
            RuleSet rules,
            Normalizer normalizer,
            List<Rule> keywordRules,
            CompiledTerms terms,
            CompiledContext[] contexts,
            List<PatternRule> patternRules) {
        this.rules = rules;
        this.normalizer = normalizer;
        this.keywordRules = keywordRules;
        this.terms = terms;
        this.contexts = contexts;
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
                    List<String> allow = r.allow().stream()
                            .map(a -> normalizer.normalize(a).folded())
                            .toList();
                    patterns.add(new PatternRule(r, new BoundedRegex(RegexSafety.check(r.pattern())), allow));
                } catch (UnsafePatternException e) {
                    throw new IllegalArgumentException("rule " + r.id() + ": pattern: " + e.getMessage(), e);
                }
            }
        }
        CompiledTerms terms = CompiledTerms.build(keyword, rules.allow(), normalizer);
        CompiledContext[] contexts = new CompiledContext[keyword.size()];
        for (int i = 0; i < contexts.length; i++) contexts[i] = CompiledContext.of(keyword.get(i), normalizer);
        return new CompiledRuleSet(rules, normalizer, List.copyOf(keyword), terms, contexts, List.copyOf(patterns));
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

    /**
     * Evaluates {@code text} where it was seen. Thread-safe: borrows an {@link Evaluator} from a
     * small lock-free pool (or makes one when all are busy). Hot loops should hold their own
     * {@link #evaluator()} instead.
     */
    public Verdict evaluate(String text, Scope scope) {
        Evaluator e = pool.take();
        try {
            return e.evaluate(text, scope);
        } finally {
            pool.give(e);
        }
    }

    /** A new evaluator with its own scratch buffers, for one thread at a time. */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }

    Normalizer normalizer() {
        return normalizer;
    }

    CompiledTerms terms() {
        return terms;
    }

    /** The context of keyword rule {@code i}, or null. */
    CompiledContext context(int i) {
        return contexts[i];
    }

    List<Rule> keywordRules() {
        return keywordRules;
    }

    List<PatternRule> patternRules() {
        return patternRules;
    }

    /** The text reduced to the form used to spot the same message sent by many (duplicate floods). */
    public static String canonical(String text) {
        return Normalizer.standard().normalize(text == null ? "" : text).canonical();
    }
}

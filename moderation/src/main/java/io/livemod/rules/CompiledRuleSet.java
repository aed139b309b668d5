package io.livemod.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule set compiled for matching: built once per version, immutable, shared across threads.
 * STUB for the skeleton: plain lower-case substring search. The rule-engine issue (#3) replaces
 * the internals with the normalizing automaton and keeps this API.
 */
public final class CompiledRuleSet {
    private final RuleSet rules;

    private CompiledRuleSet(RuleSet rules) {
        this.rules = rules;
    }

    public static CompiledRuleSet compile(RuleSet rules) {
        return new CompiledRuleSet(rules);
    }

    public String version() {
        return rules.version();
    }

    public RuleSet ruleSet() {
        return rules;
    }

    public Verdict evaluate(String text, Scope scope) {
        List<Match> live = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : rules.rules()) {
            if (!"keyword".equals(r.kind()) || "off".equals(r.state())) continue;
            for (String term : r.terms()) {
                int at = lower.indexOf(term.toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    live.add(new Match(r.id(), r.kind(), r.category(), r.severity(), term, at, at + term.length(), List.of("case")));
                }
            }
        }
        return new Verdict(version(), live, List.of());
    }

    /** The text reduced to the form used to spot the same message sent by many (duplicate floods). */
    public static String canonical(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}

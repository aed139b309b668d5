package io.livemod.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, versioned rule set: what gets published on the rules topic. {@code allow} is the
 * global allow-list (applies to every keyword rule). {@code teencode} adds abbreviations to the built-in table
 * (abbreviation → full words). {@code sourceText} is the file exactly as it was
 * parsed (null when built in code): publishing it rather than a re-serialization means every consumer
 * re-parses byte-identical input; {@link RuleSetLoader#toYaml(RuleSet)} returns it, or writes the
 * model out when there is none.
 */
public record RuleSet(
        String version,
        List<Rule> rules,
        RateLimits rates,
        List<String> allow,
        Map<String, String> teencode,
        String sourceText) {
    public RuleSet {
        rules = List.copyOf(rules);
        rates = rates == null ? RateLimits.DEFAULTS : rates;
        allow = allow == null ? List.of() : List.copyOf(allow);
        teencode = teencode == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(teencode));
    }

    public RuleSet(String version, List<Rule> rules, RateLimits rates) {
        this(version, rules, rates, List.of(), Map.of(), null);
    }

    public int termCount() {
        int n = allow.size();
        for (Rule r : rules) n += r.terms().size() + r.allow().size();
        return n;
    }
}

package io.livemod.rules;

import java.util.List;

/** An immutable, versioned rule set: what gets published on the rules topic. */
public record RuleSet(String version, List<Rule> rules, RateLimits rates) {
    public RuleSet {
        rules = List.copyOf(rules);
        rates = rates == null ? RateLimits.DEFAULTS : rates;
    }
}

package io.livemod.rules;

import java.util.List;
import java.util.Set;

/**
 * One rule of a rule set. {@code kind} is "keyword" (terms) or "pattern" (one bounded regex).
 * STUB: the rule-engine issue (#3) owns this model and may extend it.
 */
public record Rule(String id, String kind, Category category, Severity severity, String match,
                   String state, List<String> terms, List<String> allow, String pattern,
                   Set<String> platforms, Set<String> streams) {
    public Rule {
        terms = terms == null ? List.of() : List.copyOf(terms);
        allow = allow == null ? List.of() : List.copyOf(allow);
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        streams = streams == null ? Set.of() : Set.copyOf(streams);
    }
}

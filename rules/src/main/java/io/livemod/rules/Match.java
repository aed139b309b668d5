package io.livemod.rules;

import java.util.List;

/**
 * One hit of one rule: offsets are UTF-16 indexes into the original text (start inclusive, end
 * exclusive); {@code steps} names the normalizations that were needed for the hit.
 */
public record Match(
        String rule,
        RuleKind kind,
        Category category,
        Severity severity,
        String term,
        int start,
        int end,
        List<String> steps) {
    public Match {
        steps = List.copyOf(steps);
    }
}

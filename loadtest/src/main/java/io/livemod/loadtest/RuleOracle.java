package io.livemod.loadtest;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.Rule;
import io.livemod.rules.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * The keyword and pattern flags the active rule set should raise for an injected comment (a
 * violation, a flood's or a campaign's), as bits of {@link Truth#KEYWORD} and {@link Truth#PATTERN}.
 * Benign chat should raise none: a keyword flag on it is a false positive like any other flag on
 * benign chat (the chat corpus is checked against the default pack, ChatCorpusTest), so benign
 * comments are not evaluated. Injected texts recur, so verdicts are remembered per platform and
 * text (per stream too when a rule is scoped to streams).
 */
final class RuleOracle {
    private static final int MAX_CACHED = 200_000;
    private final CompiledRuleSet rules;
    private final boolean streamScoped;
    private final Map<String, Map<String, Byte>> byPlatform = new HashMap<>();
    private int cached;

    RuleOracle(CompiledRuleSet rules) {
        this.rules = rules;
        this.streamScoped = rules.ruleSet().rules().stream().map(Rule::streams).anyMatch(s -> !s.isEmpty());
    }

    byte expected(String platform, String stream, String text, byte truth) {
        if (truth == Truth.BENIGN) return 0;
        Map<String, Byte> cache = byPlatform.computeIfAbsent(platform, p -> new HashMap<>());
        String key = streamScoped ? stream + '\u0000' + text : text;
        Byte known = cache.get(key);
        if (known != null) return known;
        byte bits = 0;
        for (Match m : rules.evaluate(text, new Scope(platform, stream)).matches()) bits |= Truth.kindBit(m.kind());
        if (++cached > MAX_CACHED) { // free-form texts are many; the popular ones come back at once
            byPlatform.values().forEach(Map::clear);
            cached = 1;
        }
        cache.put(key, bits);
        return bits;
    }

    CompiledRuleSet rules() {
        return rules;
    }
}

package io.livemod.bench;

import io.livemod.rules.Category;
import io.livemod.rules.MatchMode;
import io.livemod.rules.Rule;
import io.livemod.rules.RuleKind;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Rule sets of a given size for benchmarks: the default pack's keyword terms, padded with
 * pseudo-Vietnamese phrases of 2-3 syllables (real onsets and rhymes, random combinations).
 */
public final class TermGenerator {
    private static final String[] ONSETS = {
        "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r", "s", "t",
        "th", "tr", "v", "x"
    };
    private static final String[] RHYMES = {
        "a", "á", "à", "ả", "ã", "ạ", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăn", "ắt", "âm", "ân", "ất",
        "e", "é", "en", "eo", "ê", "ết", "i", "ì", "im", "in", "inh", "o", "ó", "oi", "om", "on", "ong", "ô", "ối",
        "ông", "ơ", "ới", "ơn", "u", "ú", "ui", "um", "un", "ung", "uốn", "ư", "ứng", "ười"
    };

    private TermGenerator() {}

    /** Exactly {@code count} distinct terms: the default pack's first, then generated ones. */
    public static List<String> terms(int count, long seed) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : keywordTerms(RuleSetLoader.defaults())) if (out.size() < count) out.add(t);
        SplittableRandom random = new SplittableRandom(seed);
        while (out.size() < count) {
            int syllables = 2 + random.nextInt(2);
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                if (s > 0) b.append(' ');
                b.append(ONSETS[random.nextInt(ONSETS.length)]).append(RHYMES[random.nextInt(RHYMES.length)]);
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    /** The distinct keyword terms of {@code rules}, in file order. */
    public static List<String> keywordTerms(RuleSet rules) {
        Set<String> out = new LinkedHashSet<>();
        for (Rule r : rules.rules()) if (r.kind() == RuleKind.KEYWORD) out.addAll(r.terms());
        return new ArrayList<>(out);
    }

    /** The terms as one phrase rule set. */
    public static RuleSet ruleSet(List<String> terms) {
        return new RuleSet(
                "bench-" + terms.size(),
                List.of(Rule.keyword("bench", Category.PROFANITY, Severity.HIGH, MatchMode.PHRASE, terms)),
                null);
    }
}

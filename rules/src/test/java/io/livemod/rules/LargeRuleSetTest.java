package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** 100,000 generated terms compile into one automaton of sane size and still match. */
class LargeRuleSetTest {
    static final String[] ONSETS = {
        "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r", "s", "t",
        "th", "tr", "v", "x"
    };
    static final String[] RHYMES = {
        "a", "á", "à", "ả", "ã", "ạ", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăn", "ắt", "âm", "ân", "ất",
        "e", "é", "en", "eo", "ê", "ết", "i", "ì", "im", "in", "inh", "o", "ó", "oi", "om", "on", "ong", "ô", "ối",
        "ông", "ơ", "ới", "ơn", "u", "ú", "ui", "um", "un", "ung", "uốn", "ư", "ứng", "ười"
    };

    /** Deterministic pseudo-Vietnamese phrases of 2-3 syllables: realistic shapes, no real data. */
    static List<String> terms(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < count) {
            int syllables = 2 + r.nextInt(2);
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                if (s > 0) b.append(' ');
                b.append(ONSETS[r.nextInt(ONSETS.length)]).append(RHYMES[r.nextInt(RHYMES.length)]);
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    @Test
    void hundredThousandTermsCompileCompactlyAndMatch() {
        List<String> terms = terms(100_000, 7);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rules.add(Rule.keyword(
                    "gen-" + i,
                    Category.SPAM,
                    Severity.LOW,
                    MatchMode.PHRASE,
                    terms.subList(i * 10_000, (i + 1) * 10_000)));
        }
        CompiledRuleSet c = CompiledRuleSet.compile(new RuleSet("big", rules, null));
        assertThat(c.automatonStates()).isGreaterThan(100_000);
        assertThat(c.automatonBytes()).isLessThan(64L << 20); // measured ~20 MB: bound it, with room
        String last = terms.get(99_999);
        Verdict v = c.evaluate("xin chào " + last + " nhé", Scope.ANY);
        assertThat(v.matches()).extracting(Match::rule).contains("gen-9");
        assertThat(v.matches()).extracting(Match::term).contains(last);
    }
}

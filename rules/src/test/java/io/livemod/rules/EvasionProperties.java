package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every evasion of every term of a rule set is still caught by that term's rule; changing a
 * syllable's tone mark makes another word that is not.
 */
class EvasionProperties {
    /** The terms of the default pack's live keyword rules, with their rule. */
    private static final RuleSet PACK = RuleSetLoader.defaults();

    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(PACK);

    /** A profanity list written with marks, for the tone properties (each term alone in its own rule). */
    private static final List<String> MARKED = List.of(
            "địt mẹ",
            "cặc",
            "lồn",
            "đĩ",
            "đụ má",
            "buồi",
            "đéo",
            "óc chó",
            "con mẹ mày",
            "súc vật",
            "khốn nạn",
            "mất dạy",
            "chó đẻ",
            "đầu buồi",
            "cứt",
            "nứng",
            "tài xỉu",
            "nhà cái",
            "cá độ",
            "lừa đảo",
            "giết mày",
            "ngu");

    /** Every live keyword term of the default pack with every evasion kind, each with its own seed. */
    static Stream<Arguments> evasions() {
        PrimitiveIterator.OfLong seeds = Seeds.of("evasions", Integer.MAX_VALUE).iterator();
        List<Arguments> out = new ArrayList<>();
        for (Rule r : PACK.rules()) {
            if (r.kind() != RuleKind.KEYWORD || r.state() == RuleState.OFF) continue;
            for (String t : r.terms())
                for (String kind : Evasions.KINDS) out.add(Arguments.of(r.id(), t, kind, seeds.nextLong()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{2} of ''{1}'' ({0}), seed {3}")
    @MethodSource("evasions")
    void everyEvasionOfEveryDefaultTermIsCaught(String ruleId, String term, String kind, long seed) {
        Rule rule = PACK.rules().stream()
                .filter(x -> x.id().equals(ruleId))
                .findFirst()
                .orElseThrow();
        Random random = new Random(seed);
        if (kind.equals("unaccented") && !rule.unaccented()) return; // the rule asks for marks
        if (kind.equals("spaced") && rule.match() == MatchMode.WORD && term.contains(" "))
            return; // word mode keeps words
        if (kind.equals("spaced") && spelledOut(term)) return; // "pê đê" is itself letter names: it becomes "pđ"
        if (kind.equals("spaced") && term.matches(".*(\\p{L}) \\1.*")) return; // "i m m ẹ" reads as one stretched m
        String text = Evasions.apply(kind, term, random);
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        List<Match> all = new ArrayList<>(v.matches());
        all.addAll(v.shadowMatches());
        assertThat(all)
                .as("%s evasion '%s' of '%s' (rule %s)", kind, text, term, rule.id())
                .anyMatch(m -> m.rule().equals(rule.id()));
    }

    /** Each marked term with 45 seeds (about a thousand cases). */
    static Stream<Arguments> markedWithSeeds() {
        PrimitiveIterator.OfLong seeds = Seeds.of("marked", Integer.MAX_VALUE).iterator();
        List<Arguments> out = new ArrayList<>();
        for (String term : MARKED) for (int i = 0; i < 45; i++) out.add(Arguments.of(term, seeds.nextLong()));
        return out.stream();
    }

    @ParameterizedTest(name = "''{0}'', seed {1}")
    @MethodSource("markedWithSeeds")
    void mixedEvasionsOfMarkedTermsAreCaught(String term, long seed) {
        Random r = new Random(seed);
        String text = term;
        for (String kind :
                new String[] {"unaccented", "case", "repeat", "lookalike", "leet", "invisible", "separator"}) {
            if (r.nextBoolean()) text = Evasions.apply(kind, text, r);
        }
        assertThat(single(term).evaluate(text, Scope.ANY).flagged())
                .as("'%s' for '%s'", text, term)
                .isTrue();
    }

    @ParameterizedTest(name = "''{0}'', seed {1}")
    @MethodSource("markedWithSeeds")
    void anotherToneIsAnotherWord(String term, long seed) {
        String other = Evasions.otherTone(term, new Random(seed));
        if (other == null || other.equals(term)) return;
        assertThat(single(term).evaluate(other, Scope.ANY).flagged())
                .as("'%s' must not match '%s'", other, term)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "các bạn ơi",
                "đi chơi không",
                "lộn xộn quá",
                "các",
                "đi",
                "lộn",
                "đĩa nhạc",
                "cặp sách",
                "lớn rồi",
                "buổi sáng",
                "đèo cao",
                "đủ rồi",
                "cũng được",
                "khung hình",
                "cam kết",
                "ham học"
            })
    void knownCollisionsAreNotHits(String text) {
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        assertThat(v.matches()).as(text).isEmpty();
    }

    private static boolean spelledOut(String term) {
        var t = io.livemod.rules.text.Normalizer.standard().normalize(term);
        for (int i = 0; i < t.length(); i++) if ((t.steps(i) & io.livemod.rules.text.Steps.SPELLED) != 0) return true;
        return false;
    }

    private static final java.util.Map<String, CompiledRuleSet> SINGLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static CompiledRuleSet single(String term) {
        return SINGLES.computeIfAbsent(
                term,
                t -> CompiledRuleSet.compile(new RuleSet(
                        "one",
                        List.of(Rule.keyword("one", Category.PROFANITY, Severity.HIGH, MatchMode.PHRASE, List.of(t))),
                        null)));
    }
}

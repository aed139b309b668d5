package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The word-sense context of a rule: needs, unless, window, sentence ends, otherwise, marks. */
class ContextTest {
    private static final Rule DOG = Rule.keyword(
                    "dog", Category.PROFANITY, Severity.MEDIUM, MatchMode.WORD, List.of("chó"))
            .withUnaccented(false);
    private static final Rule CRIME =
            Rule.keyword("crime", Category.SEXUAL, Severity.HIGH, MatchMode.PHRASE, List.of("hiếp dâm"));

    private static CompiledRuleSet compile(Rule... rules) {
        return CompiledRuleSet.compile(new RuleSet("ctx-1", List.of(rules), null));
    }

    /** "live", "shadow" or "none": where the rule's hit ended up. */
    private static String where(CompiledRuleSet c, String text) {
        Verdict v = c.evaluate(text, Scope.ANY);
        return !v.matches().isEmpty() ? "live" : !v.shadowMatches().isEmpty() ? "shadow" : "none";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "đồ chó, live",
        "thằng chó kia, live",
        "mày là chó, live",
        "chó như mày, live",
        "tiếng chó sủa inh ỏi, shadow",
        "trộm chó phạt 10 năm tù, shadow",
        "Chó robot không bằng chó nhà, shadow",
        "con mèo, none"
    })
    void needsFlagsOnlyNextToAPronounOrDeterminerOfAbuse(String text, String expected) {
        CompiledRuleSet c = compile(DOG.withContext(
                Context.needs(List.of("mày", "đồ", "thằng", "như")).withWindow(2)));
        assertThat(where(c, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "tao sẽ hiếp dâm mày, live",
        "nạn nhân bị hiếp dâm, shadow",
        "khởi tố vụ án hiếp dâm, shadow",
        "kẻ hiếp dâm đã bị bắt, shadow"
    })
    void unlessTakesReportingOutOfContext(String text, String expected) {
        CompiledRuleSet c = compile(CRIME.withContext(Context.unless(List.of("bị", "vụ", "kẻ"))));
        assertThat(where(c, text)).isEqualTo(expected);
    }

    @Test
    void theWindowCountsWordsEitherSide() {
        Rule r = DOG.withContext(Context.needs(List.of("mày")));
        assertThat(where(compile(r.withContext(r.context().withWindow(2))), "mày đúng là chó"))
                .isEqualTo("shadow");
        assertThat(where(compile(r.withContext(r.context().withWindow(3))), "mày đúng là chó"))
                .isEqualTo("live");
        assertThat(where(compile(r.withContext(r.context().withWindow(3))), "chó thật đấy mày"))
                .isEqualTo("live");
        assertThat(where(compile(r.withContext(r.context().withWindow(1))), "chó thật đấy mày"))
                .isEqualTo("shadow");
    }

    @Test
    void aPhraseOfSeveralWordsMustStandWhole() {
        CompiledRuleSet c = compile(CRIME.withContext(Context.unless(List.of("hành vi"))));
        assertThat(where(c, "kẻ có hành vi hiếp dâm")).isEqualTo("shadow");
        assertThat(where(c, "hành động hiếp dâm")).isEqualTo("live");
    }

    @Test
    void theWindowStopsAtTheEndOfASentence() {
        CompiledRuleSet c = compile(DOG.withContext(Context.needs(List.of("mày"))));
        assertThat(where(c, "mày ơi, chó nhà tao")).isEqualTo("live");
        assertThat(where(c, "Mày ơi. Chó nhà tao ốm")).isEqualTo("shadow");
        assertThat(where(c, "chó! Mày đi đâu")).isEqualTo("shadow");
        assertThat(where(c, "mày\nchó nhà tao")).isEqualTo("shadow");
    }

    @Test
    void otherwiseKeepsAnOutOfContextHitLiveAtALowerSeverity() {
        Rule r = CRIME.withContext(Context.unless(List.of("bị")).withOtherwise(Severity.LOW));
        Verdict reported = compile(r).evaluate("bị hiếp dâm", Scope.ANY);
        assertThat(reported.matches()).extracting(Match::severity).containsExactly(Severity.LOW);
        assertThat(compile(r).evaluate("hiếp dâm", Scope.ANY).matches())
                .extracting(Match::severity)
                .containsExactly(Severity.HIGH);
    }

    @Test
    void aShadowRuleStaysShadowInContext() {
        CompiledRuleSet c = compile(DOG.withState(RuleState.SHADOW).withContext(Context.needs(List.of("đồ"))));
        assertThat(where(c, "đồ chó")).isEqualTo("shadow");
    }

    @Test
    void aPlainWordMeetsAMarkedPhraseOnlyInATextTypedWithoutMarks() {
        Rule show = Rule.keyword("show", Category.SEXUAL, Severity.HIGH, MatchMode.PHRASE, List.of("khoe hàng"))
                .withContext(Context.needs(List.of("ảnh")));
        CompiledRuleSet c = compile(show);
        assertThat(where(c, "ảnh khoe hàng")).isEqualTo("live");
        assertThat(where(c, "anh ơi khoe hàng mới về")).isEqualTo("shadow"); // "anh" is anh: the text has marks
        assertThat(where(c, "anh khoe hang")).isEqualTo("live"); // typed without any mark: may be "ảnh"
    }

    @Test
    void allowPhrasesStillCancelAndContextsDoNotLeakBetweenRules() {
        Rule dog = DOG.withAllow(List.of("chó con")).withContext(Context.needs(List.of("đồ")));
        Rule other = Rule.keyword("other", Category.PROFANITY, Severity.LOW, MatchMode.WORD, List.of("chó"));
        Verdict v = compile(dog, other).evaluate("đồ chó con", Scope.ANY);
        assertThat(v.matches()).extracting(Match::rule).containsExactly("other");
        assertThat(v.shadowMatches()).isEmpty();
    }
}

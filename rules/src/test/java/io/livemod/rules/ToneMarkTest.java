package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A term with tone marks matches text with the same marks or none; other marks are another word. */
class ToneMarkTest {
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(new RuleSet(
            "t",
            List.of(Rule.keyword(
                    "p",
                    Category.PROFANITY,
                    Severity.HIGH,
                    MatchMode.PHRASE,
                    List.of("cặc", "đĩ", "lồn", "địt mẹ", "đụ má"))),
            null));

    @ParameterizedTest(name = "{0} is a hit")
    @CsvSource({"cặc", "cac", "CẶC", "đĩ", "di", "lồn", "lon", "địt mẹ", "dit me", "địt me", "dit mẹ", "ditme", "du ma"
    })
    void sameMarksOrNoneMatch(String text) {
        assertThat(RULES.evaluate(text, Scope.ANY).flagged()).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a hit")
    @CsvSource({"các", "các", "cạc", "đi", "đì", "lộn", "lớn", "lốn", "đít mẹ", "đụ mà", "đu má"})
    void otherMarksAreAnotherWord(String text) {
        assertThat(RULES.evaluate(text, Scope.ANY).flagged()).isFalse();
    }

    @ParameterizedTest(name = "unaccented {0} reports the step")
    @CsvSource({"dit me", "cac"})
    void unaccentedHitsSaySo(String text) {
        assertThat(RULES.evaluate(text, Scope.ANY).matches().get(0).steps()).contains("unaccented");
    }

    @ParameterizedTest(name = "{0} with unaccented matching off")
    @CsvSource({"cac,false", "cặc,true"})
    void rulesCanRefuseUnaccentedText(String text, boolean hit) {
        CompiledRuleSet strict = CompiledRuleSet.compile(new RuleSet(
                "s",
                List.of(Rule.keyword("p", Category.PROFANITY, Severity.HIGH, MatchMode.WORD, List.of("cặc"))
                        .withUnaccented(false)),
                null));
        assertThat(strict.evaluate(text, Scope.ANY).flagged()).isEqualTo(hit);
    }
}

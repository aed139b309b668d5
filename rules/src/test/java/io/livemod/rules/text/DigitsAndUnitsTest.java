package io.livemod.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.Category;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.MatchMode;
import io.livemod.rules.Rule;
import io.livemod.rules.RuleSet;
import io.livemod.rules.Scope;
import io.livemod.rules.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Digits never fold into a brand across a '+' or from an ordinary number ("M8+2" is not "m88"),
 * and an abbreviation right after a number is a unit ("110 cc"), while the evasions of brand names
 * ("f b 8 8", "m.8.8") are still caught.
 */
class DigitsAndUnitsTest {
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(new RuleSet(
            "d-1",
            List.of(
                    Rule.keyword(
                            "brand", Category.GAMBLING_ADS, Severity.HIGH, MatchMode.PHRASE, List.of("m88", "fb88")),
                    Rule.keyword(
                            "cc", Category.PROFANITY, Severity.HIGH, MatchMode.PHRASE, List.of("con cặc", "địt mẹ"))),
            null));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "M8+2 đỉnh thật, trận này đá hay | ''",
                "phút 90+2 ghi bàn | ''",
                "m8 + 2 | ''",
                "M + 8 + 8 | ''",
                "Xe M8 của đội đua | ''",
                "8+8=16 | ''",
                "vào m88 đi | brand",
                "m.8.8 | brand",
                "f b 8 8 | brand",
                "FB88 uy tín | brand",
                "xe 110 cc đi có tốn xăng không | ''",
                "giá 2 dm vải | ''",
                "cc | cc",
                "dm thằng kia | cc",
                "nói như cc | cc"
            })
    void brandsAndUnits(String text, String rule) {
        List<String> rules = RULES.evaluate(text, Scope.ANY).matches().stream()
                .map(m -> m.rule())
                .distinct()
                .toList();
        assertThat(rules).as(text).isEqualTo(rule.isEmpty() ? List.of() : List.of(rule));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"M8+2 | m8 2", "1+1=2 | 1 1 2", "110 cc | 110 cc", "100 k | 100 c"})
    void aPlusOrEqualsNextToADigitBreaksTheWord(String text, String normalized) {
        assertThat(Normalizer.standard().normalize(text).display()).isEqualTo(normalized);
    }
}

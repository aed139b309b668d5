package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule that refuses text typed without tone marks (its plain spelling is an everyday word: "lon",
 * "các", "đeo", "buổi") still catches that spelling when it was typed with an evasion, which nobody
 * does by accident; the everyday word typed the everyday ways stays clean.
 */
class EvasionEvidenceTest {
    private static final CompiledRuleSet STRICT = CompiledRuleSet.compile(new RuleSet(
            "e",
            List.of(Rule.keyword(
                            "strict",
                            Category.PROFANITY,
                            Severity.MEDIUM,
                            MatchMode.WORD,
                            List.of("lồn", "cặc", "đéo", "buồi", "đĩ"))
                    .withUnaccented(false)),
            null));

    @ParameterizedTest(name = "{0} is caught, step {1}")
    @CsvSource({
        "l0n,leet",
        "ｌｏｎ,fullwidth",
        "cAc,case",
        "loN,case",
        "l.o.n,separator",
        "c-a-c,separator",
        "c a c,separator",
        "d*e*o,separator",
        "bu0i,leet",
        "сас,lookalike",
        "lо\u0302\u0300n,lookalike",
        "l\u200Bon,invisible",
        "d.i,separator"
    })
    void aPlainSpellingTypedWithAnEvasionIsCaught(String text, String step) {
        Verdict v = STRICT.evaluate("ủa " + text + " luôn", Scope.ANY);
        assertThat(v.matches()).as(text).hasSize(1);
        assertThat(v.matches().get(0).steps()).as(text).contains(step);
    }

    @ParameterizedTest(name = "{0} stays clean")
    @ValueSource(
            strings = {
                "2 lon bia",
                "Lon bia nè",
                "LON BIA",
                "các bạn",
                "CAc bạn ơi",
                "đeo kính",
                "buổi sáng",
                "buoi sang",
                "lonnn bia",
                "e o nha",
                "bia-lon",
                "𝐥𝐨𝐧 bia",
                "ku..kkk",
                "d i chơi",
                "🍺lon"
            })
    void theEverydayWordTypedTheEverydayWaysIsNot(String text) {
        assertThat(STRICT.evaluate(text, Scope.ANY).matches()).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0} is the word spelled with its own marks")
    @ValueSource(strings = {"l ớ n", "c.á.c", "b-u-ổ-i"})
    void lettersApartKeepTheirMarks(String text) {
        assertThat(STRICT.evaluate(text, Scope.ANY).matches()).as(text).isEmpty();
    }
}

package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default pack's two senses of a vulgar intensifier: exclamatory ("đẹp vcl", "hết cmn rồi"),
 * flagged low by {@code profanity-intensifier} and gone on a platform that switched that rule off;
 * aimed at someone ("mày láo vcl", "thằng hãm vl"), abuse, flagged medium by {@code profanity-intensifier-aimed}
 * whatever the platform's switch says.
 */
class IntensifierSensesTest {
    private static final RuleSet PACK = RuleSetLoader.defaults();
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(PACK);
    /** The pack as a platform "calm" that switched the exclamatory intensifiers off would run it. */
    private static final CompiledRuleSet CALM = CompiledRuleSet.compile(new RuleSet(
            PACK.version(),
            PACK.rules().stream()
                    .map(r -> r.id().equals("profanity-intensifier") ? r.withExceptPlatforms(Set.of("calm")) : r)
                    .toList(),
            PACK.rates(),
            PACK.allow(),
            PACK.teencode(),
            null));

    private static final Scope ON_CALM = new Scope("calm", "s1");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "đẹp vcl",
                "hay vl quá",
                "hết cmn rồi",
                "mệt cmnr",
                "xịn vãi lol",
                "công nhận chất vkl",
                "trời ơi mệt chết mẹ"
            })
    void anExclamationFlagsLowAndOnlyWhereTheIntensifiersAreOn(String text) {
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        assertThat(v.matches())
                .as(text)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.rule()).isEqualTo("profanity-intensifier"))
                .allSatisfy(m -> assertThat(m.severity()).isEqualTo(Severity.LOW));
        assertThat(CALM.evaluate(text, ON_CALM).matches()).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mày láo vcl", "thằng hãm vl", "đập chết mẹ nó đi", "tụi mày xạo vãi lồn", "thớt ngáo vl"})
    void anIntensifierAimedAtSomeoneFlagsMediumEvenWhereTheIntensifiersAreOff(String text) {
        for (Verdict v : new Verdict[] {DEFAULTS.evaluate(text, Scope.ANY), CALM.evaluate(text, ON_CALM)}) {
            assertThat(v.matches()).as(text).anySatisfy(m -> {
                assertThat(m.rule()).isEqualTo("profanity-intensifier-aimed");
                assertThat(m.severity()).isEqualTo(Severity.MEDIUM);
            });
        }
    }
}

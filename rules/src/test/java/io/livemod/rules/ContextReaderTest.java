package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code contexts:} and a rule's {@code context:} in a rule file: reading, errors, writing back. */
class ContextReaderTest {
    private static final String GOOD = """
            version: "v1"
            contexts:
              aimed:
                needs: ["mày", "đồ"]
                window: 2
            rules:
              - id: dog
                category: profanity
                unaccented: false
                terms: ["chó"]
                context: aimed
              - id: crime
                category: sexual
                severity: high
                match: phrase
                terms: ["hiếp dâm"]
                context:
                  unless: ["bị", "vụ"]
                  otherwise: low
            """;

    @Test
    void readsNamedAndInlineContexts() throws RuleSetException {
        RuleSet rs = RuleSetLoader.parse("good.yaml", GOOD);
        Context aimed = rs.rules().get(0).context();
        assertThat(aimed).isEqualTo(new Context("aimed", List.of("mày", "đồ"), List.of(), 2, null));
        Context crime = rs.rules().get(1).context();
        assertThat(crime.name()).isNull();
        assertThat(crime.unless()).containsExactly("bị", "vụ");
        assertThat(crime.window()).isEqualTo(Context.DEFAULT_WINDOW);
        assertThat(crime.otherwise()).isEqualTo(Severity.LOW);
        CompiledRuleSet c = CompiledRuleSet.compile(rs);
        assertThat(c.evaluate("đồ chó", Scope.ANY).flagged()).isTrue();
        assertThat(c.evaluate("tiếng chó sủa", Scope.ANY).shadowMatches())
                .extracting(Match::rule)
                .containsExactly("dog");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '#',
            value = {
                "window: 2 # window: 9 # bad.yaml:5: contexts.aimed.window: must be a whole number of words from 1 to 8, not '9'",
                "window: 2 # window: two # bad.yaml:5: contexts.aimed.window: must be a whole number of words from 1 to 8, not 'two'",
                "window: 2 # windw: 2 # bad.yaml:5: contexts.aimed.windw: unknown field",
                "needs: [\"mày\", \"đồ\"] # needs: [\"mày\", \"!!\"] # bad.yaml:4: contexts.aimed.needs[1]: '!!' has no letters or digits",
                "needs: [\"mày\", \"đồ\"] # needs: [] # bad.yaml:4: contexts.aimed: needs at least one phrase in 'needs' or 'unless'",
                "needs: [\"mày\", \"đồ\"] # needs: mày # bad.yaml:4: contexts.aimed.needs: expected a list",
                "context: aimed # context: aimd # bad.yaml:11: rules[0].context: unknown context 'aimd' (defined: aimed)",
                "otherwise: low # otherwise: hidden # bad.yaml:19: rules[1].context.otherwise: unknown value 'hidden' (one of: shadow, low, medium, high, critical)",
                "  aimed: # Aimed: # bad.yaml:3: contexts.Aimed: a context name is lower-case letters"
            })
    void badValuesNameFileLineAndField(String from, String to, String message) {
        assertThatThrownBy(() -> RuleSetLoader.parse("bad.yaml", GOOD.replace(from, to)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aPatternRuleHasNoContext() {
        String file = """
                version: "v1"
                rules:
                  - id: phone
                    kind: pattern
                    category: spam
                    pattern: '0\\d{9}'
                    context: {needs: ["gọi"]}
                """;
        assertThatThrownBy(() -> RuleSetLoader.parse("p.yaml", file))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("p.yaml:7: rules[0].context: only for kind: keyword");
    }

    @Test
    void aRuleSetBuiltInCodeWritesItsContextsAndReadsThemBack() throws RuleSetException {
        Rule named = Rule.keyword("dog", Category.PROFANITY, Severity.LOW, MatchMode.WORD, List.of("chó"))
                .withContext(new Context("aimed", List.of("mày"), List.of(), 2, null));
        Rule inline = Rule.keyword("crime", Category.SEXUAL, Severity.HIGH, MatchMode.PHRASE, List.of("hiếp dâm"))
                .withContext(Context.unless(List.of("bị")).withOtherwise(Severity.LOW))
                .withScope(Set.of("tiktok"), Set.of());
        RuleSet built = new RuleSet("v2", List.of(named, inline), null);
        RuleSet back = RuleSetLoader.parse("round-trip", RuleSetLoader.toYaml(built));
        assertThat(back.rules()).extracting(Rule::context).containsExactly(named.context(), inline.context());
        assertThat(RuleSetLoader.toYaml(built)).contains("contexts:", "aimed:", "otherwise: low");
    }
}

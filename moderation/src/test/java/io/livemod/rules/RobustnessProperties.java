package io.livemod.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any text at all (surrogates, lone marks, controls, mixed scripts) gives a verdict with sane offsets. */
class RobustnessProperties {
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(RuleSetLoader.defaults());

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> vietnameseish = Arbitraries.strings()
                .withChars("aăâeêioôơuưyđdcklmnghtrsvx .-_*0134@!\u0300\u0301\u0303\u0309\u0323\u200B\uFEFFсаоĐỊ🔥")
                .ofMaxLength(120);
        return Arbitraries.oneOf(anyChars, vietnameseish);
    }

    @Property(tries = 2000)
    void everyTextGetsAVerdictWithOffsetsInsideIt(@ForAll("texts") String text) {
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        List<Match> all = new ArrayList<>(v.matches());
        all.addAll(v.shadowMatches());
        for (Match m : all) {
            assertThat(m.start()).isBetween(0, text.length());
            assertThat(m.end()).isBetween(m.start() + 1, text.length());
            assertThat(m.steps()).isSubsetOf(io.livemod.rules.text.Steps.all());
        }
        assertThat(CompiledRuleSet.canonical(text)).isNotNull();
        assertThat(DEFAULTS.normalized(text)).isNotNull();
    }
}

package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Any text at all (surrogates, lone marks, controls, mixed scripts) gives a verdict with sane offsets. */
class RobustnessProperties {
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(RuleSetLoader.defaults());
    private static final String VIETNAMESEISH =
            "aăâeêioôơuưyđdcklmnghtrsvx .-_*0134@!\u0300\u0301\u0303\u0309\u0323\u200B\uFEFFсаоĐỊ🔥";

    /** Edges, then 2,000 texts: half any UTF-16 at all, half Vietnamese-ish letters, marks, invisibles and look-alikes. */
    static Stream<String> texts() {
        Stream<String> edges = Stream.of(
                "",
                " ",
                "\u0301",
                "\uD800",
                "\uDC00a",
                "a\uD83D",
                "🔥",
                "\u200B\u200B",
                "\uFEFF",
                "đ\u0301\u0301\u0301",
                "\u0000\u0001",
                "a".repeat(2000));
        return Stream.concat(edges, Seeds.of("robustness", 2000).mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            return r.nextBoolean() ? Seeds.anyChars(r, 200) : Seeds.string(r, VIETNAMESEISH, 0, 120);
        }));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void everyTextGetsAVerdictWithOffsetsInsideIt(String text) {
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

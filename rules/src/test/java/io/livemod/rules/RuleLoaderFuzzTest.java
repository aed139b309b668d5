package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing the rule loader (Jazzer): whatever an admin pastes, the loader either reads a rule set
 * that then compiles and evaluates, or refuses it with a {@link RuleSetException} naming the problem;
 * never another exception, never a hang (libFuzzer's per-input timeout). Every test run replays the
 * seeds and past findings under {@code RuleLoaderFuzzTestInputs}; CI fuzzes it for a few seconds
 * ({@code JAZZER_FUZZ=1}); docs/testing.md, "Fuzzing", has the longer run.
 */
class RuleLoaderFuzzTest {

    /**
     * Pattern rules are regular expressions an admin writes on purpose, checked by the loader for
     * syntax and catastrophic backtracking (RegexSafety): Jazzer's "regex injection" detector, which
     * reports any regex compiled from input, does not apply to them. Set before the fuzzer's agent starts.
     */
    @BeforeAll
    static void patternsAreInputByDesign() {
        System.setProperty("jazzer.disabled_hooks", "com.code_intelligence.jazzer.sanitizers.RegexInjection");
    }

    @FuzzTest(maxDuration = "5s")
    void ruleFilesAreReadOrRefusedWithAReason(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /** The standalone fuzzer's entry point (the longer run). */
    public static void fuzzerTestOneInput(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    static void check(String source) {
        RuleSet rules;
        try {
            rules = RuleSetLoader.parse("fuzz.yaml", source);
        } catch (RuleSetException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.yaml");
            return;
        }
        CompiledRuleSet compiled = CompiledRuleSet.compile(rules);
        compiled.evaluate("Địt mẹ vào nhà cái fb88 uy tín 0912 345 678 http://x.vn", new Scope("p", "s"));
    }
}

package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.EvasionClasses.Case;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17's evasion classes on the default pack, generated from seeds ({@link EvasionClasses}):
 * letters apart, plain spellings typed with an evasion, Cyrillic look-alikes carrying combining
 * tone marks, job-scam comments, vulgar intensifiers. Each class must reach 95% recall, with every
 * collision trap ({@link CollisionTraps}) clean. The same figures, per class, are printed by
 * {@code io.livemod.bench.EvasionRecall} for BENCHMARKS.md.
 */
class EvasionClassesTest {
    private static final RuleSet PACK = RuleSetLoader.defaults();
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(PACK);
    private static final int CASES = 400;

    static Stream<String> kinds() {
        return EvasionClasses.KINDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachClassIsCaughtAtLeast95PercentOfTheTime(String kind) {
        for (long seed : new long[] {17, 1717}) {
            List<Case> cases = new EvasionClasses(PACK).cases(kind, CASES, seed);
            List<Case> missed = cases.stream()
                    .filter(c -> !c.caught().test(DEFAULTS.evaluate(c.text(), Scope.ANY)))
                    .toList();
            double recall = 1.0 - (double) missed.size() / cases.size();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "evasion recall %-16s seed %-5d %d / %d = %.3f%n",
                    kind,
                    seed,
                    cases.size() - missed.size(),
                    cases.size(),
                    recall); // the figure BENCHMARKS.md quotes
            assertThat(recall)
                    .as(
                            "%s (seed %d) recall; missed: %s",
                            kind, seed, missed.stream().limit(40).toList())
                    .isGreaterThanOrEqualTo(0.95);
        }
    }

    static Stream<String> traps() {
        return CollisionTraps.all(17).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traps")
    void noCollisionTrapFlags(String text) {
        assertThat(DEFAULTS.evaluate(text, Scope.ANY).matches()).as(text).isEmpty();
    }

    @Test
    void casesAreTheSameForTheSameSeed() {
        for (String kind : EvasionClasses.KINDS) {
            assertThat(new EvasionClasses(PACK).cases(kind, 20, 5))
                    .map(Case::text)
                    .isEqualTo(new EvasionClasses(PACK)
                            .cases(kind, 20, 5).stream().map(Case::text).toList());
        }
    }

    @Test
    void aPlatformThatSwitchedTheFamiliesOffGetsNoFlagFromThem() {
        RuleSet off = new RuleSet(
                PACK.version(),
                PACK.rules().stream()
                        .map(r -> r.id().equals("profanity-intensifier") || r.id().startsWith("scam-job")
                                ? r.withExceptPlatforms(Set.of("calm"))
                                : r)
                        .toList(),
                PACK.rates(),
                PACK.allow(),
                PACK.teencode(),
                null);
        CompiledRuleSet rules = CompiledRuleSet.compile(off);
        for (String text : List.of("đẹp vcl", "hay vãi lồn", "việc nhẹ lương cao ib mình", "lương 500k/ngày")) {
            assertThat(rules.evaluate(text, new Scope("calm", "s1")).matches())
                    .as(text)
                    .isEmpty();
            assertThat(rules.evaluate(text, new Scope("other", "s1")).flagged())
                    .as(text)
                    .isTrue();
            assertThat(rules.evaluate(text, Scope.ANY).flagged()).as(text).isTrue();
        }
    }
}

package io.livemod.rules.automaton;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.testing.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The automaton reports exactly what a naive search over every pattern and position finds. */
class AutomatonTest {
    /** 1–30 patterns of 1–5 letters a–d, a text of 0–80 letters a–e (small alphabets: many overlaps); edges first. */
    static Stream<Arguments> smallAlphabet() {
        Stream<Arguments> edges = Stream.of(
                Arguments.of(List.of("a"), ""),
                Arguments.of(List.of("a", "aa", "aaa"), "aaaaaa"),
                Arguments.of(List.of("abcd", "bc", "c"), "abcdabcd"),
                Arguments.of(List.of("d", "d"), "ddd"));
        return Stream.concat(edges, Seeds.of("automaton", 300).mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> patterns = new ArrayList<>();
            for (int i = 1 + r.nextInt(30); i > 0; i--) patterns.add(Seeds.range(r, 'a', 'd', 1, 5));
            return Arguments.of(patterns, Seeds.range(r, 'a', 'e', 0, 80));
        }));
    }

    @ParameterizedTest
    @MethodSource("smallAlphabet")
    void findsEveryOccurrenceOfEveryPattern(List<String> patterns, String text) {
        List<char[]> chars = new ArrayList<>();
        patterns.forEach(p -> chars.add(p.toCharArray()));
        Automaton a = Automaton.build(chars);
        Hits hits = new Hits();
        a.scan(text.toCharArray(), text.length(), hits);
        Set<String> got = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) got.add(hits.pattern(i) + "@" + hits.end(i));
        Set<String> expected = new HashSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (int at = text.indexOf(patterns.get(p)); at >= 0; at = text.indexOf(patterns.get(p), at + 1)) {
                expected.add(p + "@" + (at + patterns.get(p).length()));
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(hits.size()).isEqualTo(expected.size());
    }

    /** 1–40 patterns of 1–4 chars in U+0100..U+01FF: an alphabet wider than one mask word. */
    static Stream<List<String>> wideAlphabet() {
        return Seeds.of("automaton-wide", 50).mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> patterns = new ArrayList<>();
            for (int i = 1 + r.nextInt(40); i > 0; i--) patterns.add(Seeds.range(r, '\u0100', '\u01ff', 1, 4));
            return patterns;
        });
    }

    @ParameterizedTest
    @MethodSource("wideAlphabet")
    void worksWithAlphabetsWiderThanOneMaskWord(List<String> patterns) {
        List<char[]> chars = new ArrayList<>();
        patterns.forEach(p -> chars.add(p.toCharArray()));
        Automaton a = Automaton.build(chars);
        String text = String.join("x", patterns);
        Hits hits = new Hits();
        a.scan(text.toCharArray(), text.length(), hits);
        Set<Integer> found = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) found.add(hits.pattern(i));
        for (int p = 0; p < patterns.size(); p++) assertThat(found).contains(p);
    }
}

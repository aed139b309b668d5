package io.livemod.rules.automaton;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton reports exactly what a naive search over every pattern and position finds. */
class AutomatonTest {
    @Property(tries = 300)
    void findsEveryOccurrenceOfEveryPattern(
            @ForAll @Size(min = 1, max = 30) List<@StringLength(min = 1, max = 5) @CharRange(from = 'a', to = 'd') String> patterns,
            @ForAll @StringLength(max = 80) @CharRange(from = 'a', to = 'e') String text) {
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

    @Property(tries = 50)
    void worksWithAlphabetsWiderThanOneMaskWord(@ForAll @Size(min = 1, max = 40)
            List<@StringLength(min = 1, max = 4) @CharRange(from = '\u0100', to = '\u01ff') String> patterns) {
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

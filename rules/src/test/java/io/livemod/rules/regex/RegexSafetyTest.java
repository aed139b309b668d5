package io.livemod.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexSafetyTest {
    @ParameterizedTest(name = "refuses {0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "(a+)+b # nested quantifiers",
                "(a*)*b # nested quantifiers",
                "(?:\\d+\\s?)+$ # nested quantifiers",
                "(a|ab)*c # overlapping alternatives",
                "(?:a|a)+ # overlapping alternatives",
                "(x?)* # nested quantifiers",
                "(\\w)\\1 # backreference",
                "(?<n>a)\\k<n> # backreference",
                "a(?=b) # lookaround",
                "(?<!x)y # lookaround",
                "a{1,5000} # repeat bound",
                "(a|b|c|d|e|f|g|h|i|j){6} # too ambiguous",
                "((ab # invalid regex"
            })
    void refusesCatastrophicPatterns(String regex, String reason) {
        assertThatThrownBy(() -> RegexSafety.check(regex.strip()))
                .isInstanceOf(UnsafePatternException.class)
                .hasMessageContaining(reason.strip());
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(
            strings = {
                "(?:\\+?84|0)(?:[ .-]?\\d){9}",
                "(?:https?://|www\\.)[^\\s]{1,200}",
                "\\b(?:zalo|tele)\\s{0,2}[:.]?\\s{0,2}@[a-z0-9_]{4,32}",
                "t\\.me/[a-z0-9_]{3,32}",
                "[a-z]+\\.com",
                "(?:ab|cd)+",
                "(?i)casino\\d*"
            })
    void acceptsBoundedPatterns(String regex) {
        assertThatCode(() -> RegexSafety.check(regex)).doesNotThrowAnyException();
    }

    @Test
    void boundedRegexStopsARunawayPatternInsteadOfHanging() {
        // Refused by the checker, but run anyway to prove the second line of defence holds.
        BoundedRegex r = new BoundedRegex(Pattern.compile("(a+)+b"), 4096, 256, 50);
        assertThat(r.find("a".repeat(40))).isEmpty();
    }

    @Test
    void longTextsAreCutIntoOverlappingWindowsWithoutLosingMatches() {
        BoundedRegex r = new BoundedRegex(Pattern.compile("0\\d{9}"), 100, 20, 200);
        String text = "x".repeat(95) + "0987654321" + "y".repeat(300) + "0123456789";
        assertThat(r.find(text))
                .extracting(s -> text.substring(s[0], s[1]))
                .containsExactly("0987654321", "0123456789");
    }
}

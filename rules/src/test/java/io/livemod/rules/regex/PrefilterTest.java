package io.livemod.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prefilter may only ever skip texts the regex would not match, and should skip ordinary chat. */
class PrefilterTest {
    static final String PHONE = "(?:\\+?84|\\b0)(?:[ .-]?\\d){9}\\b";
    static final String URL =
            "(?:https?://|www\\.)[^\\s]{1,200}|\\b[a-z0-9-]{2,40}\\.(?:com|net|org|vn|xyz|top|club|vip|me|io|cc|link|site|online|bet|win|live)\\b";
    static final String GAMBLING =
            "\\b[a-z0-9]{0,20}(?:88|99|68|bet|club|win|vip|casino)[a-z0-9]{0,10}\\s?(?:\\.|chấm|cham)\\s?(?:com|net|vip|club|me|top|io|cc|xyz|bet|fun|win|live|vn)\\b";
    static final String MESSENGER =
            "(?:t\\.me|telegram\\.me)/[a-z0-9_]{3,32}|\\b(?:tele|telegram|tg|zalo|zl)\\s{0,2}[:.]?\\s{0,2}(?:@[a-z0-9_]{4,32}|(?:\\+?84|0)(?:[ .-]?\\d){9})";
    /** The default pack's patterns and some shapes the parser must not get wrong. */
    static final List<String> PATTERNS = List.of(
            PHONE,
            URL,
            GAMBLING,
            MESSENGER,
            "a\\tb",
            "x\\.y{2}z",
            "(?:ab){2}c",
            "\\Qa.b\\E",
            "(?:nhà|nha) ?cái",
            "[0-9]{3}|xyz",
            "q(?:u|v)?k",
            "(?i)hello",
            "(ab|c)\\d",
            "(?:a|b)(?:c|d)e?f",
            "colou?r",
            "\\bvip\\b|\\b88\\b",
            "[^a-z]+x",
            "\\s\\S\\d");

    @Test
    void defaultPatternsRequireWhatChatRarelyHas() {
        assertThat(Prefilter.of(PHONE).describe())
                .containsExactly("a char of [0123456789]", "one of [0, 84]"); // bit tests first
        assertThat(Prefilter.of(URL).describe()).containsExactly("one of [., http, www.]");
        assertThat(Prefilter.of(MESSENGER).describe()).containsExactly("one of [/, 0, 84, @]");
        assertThat(Prefilter.of(GAMBLING).describe()).contains("one of [., cham, chấm]");
        for (String chat :
                List.of("hay quá chị ơi", "cho em xin link với", "giá bao nhiêu vậy shop", "❤️❤️❤️", "hello mn")) {
            assertThat(Prefilter.of(PHONE).mayMatch(chat)).as(chat).isFalse();
            assertThat(Prefilter.of(URL).mayMatch(chat)).as(chat).isFalse();
            assertThat(Prefilter.of(MESSENGER).mayMatch(chat)).as(chat).isFalse();
        }
        assertThat(Prefilter.of(GAMBLING).mayMatch("hay quá chị ơi")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gọi 0912 345 678 nhé",
                "+84912345678",
                "vào abc88.com",
                "vao abc88 chấm com",
                "https://x.io/a",
                "www.abc.vn",
                "t.me/abcdef",
                "zalo: 0912345678",
                "tele @abcdxyz"
            })
    void violationsStillReachTheRegex(String text) {
        boolean any = false;
        for (String p : List.of(PHONE, URL, GAMBLING, MESSENGER)) {
            boolean regex = Pattern.compile(p).matcher(text).find();
            if (regex)
                assertThat(Prefilter.of(p).mayMatch(text)).as(p + " on " + text).isTrue();
            any |= regex;
        }
        assertThat(any).as("some default pattern matches " + text).isTrue();
    }

    @Test
    void inlineFlagsAndControlEscapesAreReadRight() {
        assertThat(Prefilter.of("(?i)hello")).isSameAs(Prefilter.NONE); // "HELLO" matches, so nothing can be required
        assertThat(Prefilter.of("a\\tb").mayMatch("a\tb")).isTrue();
        assertThat(Prefilter.of("a\\tb").mayMatch("atb")).isFalse();
        assertThat(Prefilter.of("colou?r").describe()).containsExactly("one of [colo]", "one of [r]");
    }

    /** 200,000 random texts over an alphabet made to hit the patterns: no match is ever filtered out. */
    @Test
    void neverSkipsATextTheRegexMatches() {
        String[] pieces = {
            "a",
            "b",
            "c",
            "x",
            "y",
            "z",
            "e",
            "f",
            "k",
            "q",
            "u",
            "v",
            "r",
            "o",
            "l",
            "h",
            "t",
            "p",
            "s",
            "w",
            "m",
            "0",
            "8",
            "4",
            "9",
            "6",
            "1",
            ".",
            ":",
            "/",
            "@",
            "+",
            "-",
            " ",
            "\t",
            "_",
            "chấm",
            "cham",
            "com",
            "vn",
            "bet",
            "88",
            "www.",
            "http://",
            "https://",
            "t.me/",
            "zalo",
            "tele",
            "tg",
            "nhà",
            "nha",
            "cái",
            "vip",
            "club",
            "hello",
            "HELLO",
            "colour",
            "color",
            "ab",
            "xyz",
            "a.b",
            "ả",
            "đ"
        };
        Random random = new Random(7);
        int matched = 0;
        for (String p : PATTERNS) {
            Pattern regex = Pattern.compile(p);
            Prefilter filter = Prefilter.of(p);
            for (int n = 0; n < 200_000 / PATTERNS.size(); n++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k >= 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
                if (regex.matcher(text).find()) {
                    matched++;
                    assertThat(filter.mayMatch(text.toString()))
                            .as("%s on \"%s\" (%s)", p, text, filter.describe())
                            .isTrue();
                }
            }
        }
        assertThat(matched).as("the generator reaches the patterns").isGreaterThan(2_000);
    }
}

package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChatCorpusTest {
    static final CompiledRuleSet RULES = CompiledRuleSet.compile(RuleSetLoader.defaults());
    final ChatCorpus chat = ChatCorpus.vietnamese();

    @Test
    void severalHundredHandWrittenPhrasesInEveryGenreWithUnmarkedSpellings() {
        List<String> all = chat.everyPhrase();
        assertThat(all.size() / 2).as("phrases, each also unmarked").isGreaterThan(300);
        assertThat(all)
                .contains(
                        "chốt đơn",
                        "chot don",
                        "xin giá",
                        "ib shop",
                        "shop ơi áo này còn size M không ạ",
                        "có freeship không shop",
                        "cho em xin tên bài hát với ạ",
                        "chào mọi người",
                        "hello idol",
                        "gg",
                        "team mình cố lên",
                        "❤️❤️❤️");
    }

    @Test
    @SuppressWarnings("EnumOrdinal") // cycles through the genres by index
    void benignChatRaisesNoKeywordOrPatternMatchOnTheDefaultRules() {
        for (String p : chat.everyPhrase())
            assertThat(RULES.evaluate(p, Scope.ANY).matches()).as(p).isEmpty();
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String t = chat.freeForm(Genre.values()[i % 4], r);
            assertThat(RULES.evaluate(t, Scope.ANY).matches()).as(t).isEmpty();
        }
    }

    @Test
    void phrasesAreDrawnByZipfSoTheTopOnesRepeatMost() {
        Random r = new Random(5);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 50_000; i++) counts.merge(chat.phrase(Genre.COMMERCE, r), 1, Integer::sum);
        int top = counts.get(chat.topPhrase(Genre.COMMERCE));
        assertThat(top)
                .as("the first commerce phrase, about a sixth of the genre's draws")
                .isGreaterThan(3_000);
        List<Integer> sorted = counts.values().stream().sorted((a, b) -> b - a).toList();
        assertThat(sorted.get(0)).isGreaterThan(sorted.get(9) * 4);
        assertThat(counts.get("chot don")).as("typed without tone marks too").isGreaterThan(200);
    }

    @Test
    @SuppressWarnings("EnumOrdinal") // cycles through the genres by index
    void freeFormCommentsFillEverySlotAndSqueezeEmptyOnes() {
        Random r = new Random(2);
        for (int i = 0; i < 2_000; i++) {
            String t = chat.freeForm(Genre.values()[i % 4], r);
            assertThat(t)
                    .doesNotContain("{", "}", "  ")
                    .doesNotStartWith(" ")
                    .doesNotEndWith(" ")
                    .doesNotContain(" ,");
        }
    }
}

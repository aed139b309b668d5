package io.livemod.rules.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.CompiledRuleSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatPhrasesTest {
    static boolean ordinary(String text) {
        return ChatPhrases.standard().ordinary(CompiledRuleSet.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chốt đơn",
                "CHOT DON",
                "chốttt đơnnn",
                "xin giá shop",
                "cho em xin tên bài hát với ạ",
                "cho em xin ten bai hat voi a",
                "shop ơi, áo này còn size M không ạ?",
                "hôm nay shop có mã giảm giá không ạ",
                "❤️❤️❤️",
                "hello idol",
                "chúc mọi người buổi tối vui vẻ"
            })
    void everydayChatIsOrdinaryHoweverItIsTyped(String text) {
        assertThat(ordinary(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anh em qua kênh của streamer kia ủng hộ đi",
                "tin nóng: ngân hàng sắp phá sản, rút tiền ngay",
                "streamer này lừa đảo mọi người đừng tin",
                "vaccine gây vô sinh, chia sẻ cho mọi người biết"
            })
    void aMessageWithWordsBeyondEverydayChatIsNot(String text) {
        assertThat(ordinary(text)).isFalse();
    }
}

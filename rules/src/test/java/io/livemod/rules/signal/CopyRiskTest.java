package io.livemod.rules.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Severity;
import io.livemod.rules.Verdict;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CopyRiskTest {
    static final Verdict CLEAN = new Verdict("v", List.of(), List.of());

    static CopyRisk.Risk assess(String text) {
        return CopyRisk.standard().assess(text, CompiledRuleSet.canonical(text), CLEAN);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "nhận quà 500k ngay hôm nay|PRIZE",
                "NHAN QUA mien phi cho 100 ban dau tien|PRIZE",
                "trúng thưởng iPhone 15, bấm link nhận|PRIZE",
                "việc nhẹ lương cao, thu nhập 20 triệu/tháng|PRIZE",
                "chuyển khoản 200k là có hàng liền|MONEY",
                "kết bạn zalo để được tư vấn|CALL",
                "vào link trong bio để xem thêm|CALL",
                "Mọi người vào link. Nhận quà ngay.|PRIZE",
                "add tele @giaitri88 nha|CALL",
                // Announced, not asked: the same words are an offer to many.
                "tặng quà cho 100 bạn đầu tiên|PRIZE",
                "quà tặng 500k cho ai chốt đơn trong 5 phút|PRIZE",
                "ck trước 50k giữ đơn nha|MONEY",
                "hưởng hoa hồng 30% mỗi đơn|PRIZE",
                // A question that calls to a messenger is not a buyer's question.
                "muốn nhận quà không, kết bạn zalo nhé|CALL"
            })
    void copyPasteThatSpammersNeedIsRisky(String text, CopyRisk.Feature feature) {
        assertThat(assess(text).features()).contains(feature);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "shop ơi áo này còn size M không ạ",
                "chốt đơn cho em với shop",
                "cho em xin tên bài hát với ạ",
                "có freeship không shop",
                "đẹp quá",
                "team mình cố lên",
                "hello idol",
                "hôm nay shop có mã giảm giá không ạ",
                "gg",
                "chào mọi người nha",
                "bài này hay quá, nghe hoài không chán",
                // Without their marks these collide with cues: "quà tặng", "kiếm tiền", "nhận quà".
                "Minh ơi hát Em của ngày hôm qua tặng em với",
                "Nam ơi hôm nay nói về tiết kiệm tiền đi",
                "em nhận qua bưu điện nha",
                // Buyers asking about the shop's gifts and prices; a rose, and a rose toner.
                "có tặng quà không shop",
                "có quà tặng kèm không ạ",
                "co qua tang kem khong a",
                "co tang qua khong shop",
                "shop có nhận chuyển khoản không",
                "cái này 150k hả shop",
                "set này 299k à",
                "freeship đơn 200k ko ad",
                "hoàn tiền được không chị ơi",
                "đơn trên 500k có quà gì vậy shop?",
                "Phúc ơi cho em xem nước hoa hồng 😍",
                "bó hoa hồng đẹp quá"
            })
    void ordinaryChatCarriesNoRisk(String text) {
        assertThat(assess(text).risky()).isFalse();
        assertThat(assess(text)).isEqualTo(CopyRisk.Risk.NONE);
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void aRuleHitIsRiskyAtItsOwnSeverity(Severity severity) {
        var m = new io.livemod.rules.Match(
                "r", io.livemod.rules.RuleKind.KEYWORD, io.livemod.rules.Category.SPAM, severity, "t", 0, 1, List.of());
        CopyRisk.Risk r = CopyRisk.standard().assess("hello", new Verdict("v", List.of(m), List.of()));
        assertThat(r.features()).containsExactly(CopyRisk.Feature.RULE);
        assertThat(r.severity()).isEqualTo(severity);
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void theRiskFitsInOneByte(Severity severity) {
        CopyRisk.Risk r = new CopyRisk.Risk(EnumSet.of(CopyRisk.Feature.MONEY, CopyRisk.Feature.CALL), severity);
        assertThat(CopyRisk.Risk.decode(r.encode())).isEqualTo(r);
        assertThat(CopyRisk.Risk.decode(CopyRisk.Risk.NONE.encode())).isEqualTo(CopyRisk.Risk.NONE);
    }
}

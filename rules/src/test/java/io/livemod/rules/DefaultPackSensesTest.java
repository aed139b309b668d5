package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default pack on everyday Vietnamese that contains an insult's word in another sense (issue
 * 14's examples and their kind), and on the same words used as abuse. The full precision figure is
 * {@code io.livemod.bench.PrecisionEvaluation} (BENCHMARKS.md).
 */
class DefaultPackSensesTest {
    private static final CompiledRuleSet PACK = CompiledRuleSet.compile(RuleSetLoader.defaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Rất hâm mộ chị",
                "tôi rất hâm mộ và khâm phục",
                "Hâm nóng canh lại rồi hãy ăn",
                "trộm chó phạt 10 năm tù",
                "Chó robot có thông minh mấy cũng không bằng chó nhà",
                "tiếng chó sủa",
                "tội các chú chó",
                "Dắt chó đi dạo mỗi chiều",
                "Con chó của tôi bị ốm",
                "Nuôi con bò sữa có lãi không",
                "bị chúng hãm hiếp",
                "kẻ có hành vi cưỡng hiếp",
                "Cơ quan điều tra khởi tố vụ án hiếp dâm",
                "Đối tượng đâm chết người đã bị bắt",
                "Vụ khủng bố làm nhiều người thiệt mạng",
                "Triệt phá đường dây cá độ bóng đá",
                "M8+2 đỉnh thật",
                "Phút 90+2 mới ghi bàn",
                "Xe 110 cc đi có tốn xăng không",
                "một điều nhịn là chín điều nhục",
                "Bị cáo khai láo trước tòa",
                "Nhẫn nhục chịu đựng bao năm",
                "Hoàn cảnh éo le quá",
                "Bấm lỗ dái tai cho con gái",
                "Hoa dâm bụt nở đỏ",
                "hạt óc chó bao nhiêu một ký",
                "Bệnh viện tâm thần tỉnh",
                "Bác sĩ chuyên khoa thần kinh",
                "Mùi rác thối bốc lên",
                "Shop thối tiền thiếu",
                "chị lấy cái L màu đen nhé",
                "Shop show hàng mới đi chị",
                "Pha xoạc bóng quá đẹp",
                "chúc mừng chị trúng thưởng minigame",
                "Yêu chị chết đi được",
                "Lũ về, nước dâng cao",
                "Cảnh giác chiêu kiếm tiền online",
                "em quy anh tu hoi con di hoc",
                "buon ngu qua di ngu thoi",
                "màu đỏ cho em",
                "mau do cho em nhe",
                // issue 17: masks, job words and pay that are not scams
                "Khách sạn 5* ở Đà Nẵng",
                "ảnh *đẹp* quá",
                "tôi làm cộng tác viên cho báo tỉnh",
                "tặng mẹ bó hoa hồng",
                "nhiệm vụ của em là học tốt",
                "lương 8 triệu một tháng",
                "Cảnh giác việc nhẹ lương cao nha mọi người",
                "hoa hồng đỏ thắm",
                // "lũ" the flood, toil, and "lu" / "Lưu" typed without marks
                "Bà con vượt lũ về nhà",
                "Sau trận lũ năm ngoái",
                "Cha mẹ lam lũ cả đời",
                "Xe lu đang cán đường",
                "anh Luu oi cho em hoi",
                "chi Lu Thi Hoa dep qua",
                "con diem thi nao cao hon",
                "do toi khong biet",
                // issue 12: a full stop before a short word is a sentence, not a domain
                "ok. me too",
                "xong rồi. com lên đi",
                "đẹp quá.vn ơi"
            })
    void everydayUsesDoNotFlag(String text) {
        Verdict v = PACK.evaluate(text, Scope.ANY);
        assertThat(v.matches()).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "đồ chó",
                "thằng chó",
                "mày là chó",
                "ngu như chó",
                "Đảng cộng chó",
                "con chó này bán hàng giả",
                "hâm vừa thôi",
                "mày hãm vãi",
                "nhục thế",
                "láo toét",
                "con thần kinh",
                "mồm thối",
                "tao sẽ hiếp dâm mày",
                "đánh chết mày",
                "giết hết bọn nó",
                "chơi tài xỉu không",
                "cá độ bóng đá tỷ lệ cao",
                "vào m88 đi",
                "m.8.8",
                "cc",
                "cái l gì",
                "con đĩ",
                "con di linh",
                "X sủa bậy",
                "ngu vãi",
                "hot girl show hàng nóng",
                "bạn đã trúng thưởng, bấm vào link",
                "vào kiếm tiền online ngay",
                // issue 17: masked swear words, spellings seen in comments, job scams, vulgar intensifiers
                "mắc đ*t quá",
                "cái mỏ l*n",
                "sao lon qua",
                "đách biết",
                "thằng cờ hó",
                "việc nhẹ lương cao ib mình",
                "làm nhiệm vụ nhận hoa hồng 30%",
                "ctv chỉ cần đặt cọc 500k",
                "thu nhập 300-500k/ngày",
                "đẹp vcl",
                "mệt vãi lồn",
                "con mụ kia",
                "đồ hèn",
                "thằng đểu",
                "con điếm",
                // issue 12: links written with a space before the dot
                "đặt hàng tại tinyurl . com/khi6j",
                "xem thêm bit .ly/abc",
                "shopxinh . vn"
            })
    void abusiveUsesStillFlag(String text) {
        assertThat(PACK.evaluate(text, Scope.ANY).flagged()).as(text).isTrue();
    }
}

package io.livemod.loadtest;

import java.util.List;
import java.util.Random;

/**
 * Realistic Vietnamese livestream comments, written for this project (no research data set is
 * shipped): everyday chat of sales and gaming lives, and violations (gambling ads, scams,
 * profanity) typed plainly or with the evasions people use (no tone marks, separators, repeated
 * letters, leetspeak). Whether a text is flagged is decided by the rule engine, not by this list.
 */
public final class CommentCorpus {
    static final List<String> CLEAN = List.of(
            "chào cả nhà, hôm nay live muộn chút nha",
            "shop ơi áo này còn size M không ạ",
            "giá bao nhiêu vậy shop",
            "đẹp quá chị ơi",
            "ib em với ạ",
            "ship về Đà Nẵng mất mấy ngày",
            "mình đặt 2 cái nhé",
            "chốt đơn cho em",
            "hay quá anh ơi, đánh tiếp đi",
            "team mình thua rồi buồn ghê",
            "cho xin tên bài hát với",
            "xem từ đầu tới giờ luôn",
            "lần đầu vào live của idol",
            "chị ơi son này màu gì vậy",
            "hàng có sẵn không shop",
            "cảm ơn shop nhiều nha",
            "các bạn nhớ follow kênh nhé",
            "hôm nay đi chợ mua được nhiều đồ ngon",
            "Hà Nội mưa to quá mọi người ơi",
            "mai có live nữa không anh",
            "em ở Cần Thơ nè",
            "âm thanh hơi nhỏ á",
            "màn hình bị giật ạ",
            "bé mèo dễ thương quá",
            "món này nấu sao vậy chị",
            "góp ý nhẹ là nên nói chậm lại",
            "quá đỉnh luôn",
            "1 like cho anh",
            "có mã giảm giá không shop",
            "đơn của em bao giờ giao ạ");

    static final List<String> VIOLATIONS = List.of(
            "vào nhà cái uy tín nhận thưởng 100k",
            "cá độ bóng đá tỷ lệ cao liên hệ zalo 0912345678",
            "tài xỉu online rút tiền nhanh",
            "địt mẹ thằng streamer",
            "đụ má live như cc",
            "vcl xem chán thật",
            "nhà cái số 1 châu á, đăng ký tại bit.ly/abc",
            "chơi tài xỉu thắng lớn mỗi ngày");

    static final List<String> OPENERS = List.of(
            "",
            "",
            "",
            "chị ơi ",
            "anh ơi ",
            "shop ơi ",
            "ad ơi ",
            "idol ơi ",
            "mọi người ơi ",
            "cho em hỏi ",
            "hihi ",
            "ôi ",
            "trời ơi ",
            "bạn ơi ",
            "em ơi ");
    static final List<String> TAILS = List.of(
            "",
            "",
            "",
            " nha",
            " ạ",
            " 😍",
            " ❤️",
            " luôn",
            " nhé",
            " haha",
            " 👍",
            " đó",
            " quá trời",
            " thật sự",
            " :))",
            " hôm nay");
    static final List<String> NAMES =
            List.of("Lan", "Hùng", "Mai", "Tuấn", "Hoa", "Minh", "Linh", "Nam", "Trang", "Phúc");

    private CommentCorpus() {}

    /**
     * An everyday comment. Real chat rarely repeats a long sentence word for word (only short
     * cheers do, and the duplicate rule ignores those), so a base sentence gets an opener, a tail,
     * and often a name or a number: otherwise every comment of a mega-live would look like a flood.
     */
    public static String clean(Random r) {
        StringBuilder b = new StringBuilder(OPENERS.get(r.nextInt(OPENERS.size())))
                .append(CLEAN.get(r.nextInt(CLEAN.size())))
                .append(TAILS.get(r.nextInt(TAILS.size())));
        switch (r.nextInt(4)) {
            case 0 -> b.append(" mã ").append(100 + r.nextInt(900));
            case 1 -> b.append(", ").append(NAMES.get(r.nextInt(NAMES.size()))).append(" nè");
            case 2 -> b.append(" lần ").append(1 + r.nextInt(20));
            default -> {}
        }
        return b.toString();
    }

    /** A violation, evaded one time in two. */
    public static String violation(Random r) {
        String v = VIOLATIONS.get(r.nextInt(VIOLATIONS.size()));
        return r.nextBoolean() ? v : evade(v, r);
    }

    static String evade(String text, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> stripTones(text);
            case 1 -> text.replace("nhà cái", "n.h.à c.á.i").replace("tài xỉu", "t-à-i x-ỉ-u");
            case 2 -> text.replace("a", "aaa").replace("ị", "ịịị");
            default -> text.toUpperCase(java.util.Locale.ROOT);
        };
    }

    static String stripTones(String s) {
        String d =
                java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace('đ', 'd').replace('Đ', 'D');
    }
}

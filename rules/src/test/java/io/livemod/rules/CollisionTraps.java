package io.livemod.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ordinary comments built on the everyday words that an abusive term becomes without its marks
 * ("lon" a can, "các" the plural, "đeo" to wear, "buổi" a session), typed the innocent ways: with
 * marks, without, capitalised, in capitals, stretched, in teencode ("e o" is "em ơi"). None may flag: an evasion is evidence only when the plain word could not be typed so by
 * accident.
 */
final class CollisionTraps {
    private static final String[] SENTENCES = {
        "cho mình 2 lon bia nha",
        "lon nước ngọt này bao nhiêu",
        "các bạn ơi share live giúp",
        "các món hôm nay ngon quá",
        "buổi sáng vui vẻ cả nhà",
        "buổi live tối nay mấy giờ",
        "chị đeo kính đẹp quá",
        "nhớ đeo khẩu trang nha",
        "mai đi chơi không",
        "hàng về lộn xộn quá",
        "con mang cặp sách đi học",
        "em lớn rồi mà",
        "shop cam kết hàng thật",
        "quả cam ngọt lắm",
        "bé ham học lắm",
        "đủ rồi nha chị",
        "đĩa nhạc này hay",
        "qua đèo Hải Vân đẹp lắm",
        "đi du lịch Đà Lạt chưa",
        "cắt tóc chưa em",
        "phở bò ngon",
        "thịt bò hơi dai",
        "nước mía ngọt",
        "cục pin dự phòng",
        "eo thon quá chị",
        "con trâu cày ruộng",
        "khung ảnh gỗ",
        "thịt bò xào rau",
        "áo màu xám",
        "ngao hấp sả",
        "tôm hùm nướng",
        "diễn viên này đóng hay",
        "điện thoại mới",
        "nước Lào nhỏ",
        "đám cưới vui",
        "dám nói dám làm",
        "cục cưng của mẹ",
        "bún chả Hà Nội",
        "em ăn cơm chưa"
    };
    private static final String[] TEENCODE = {
        "e o nhà nha", "a k đi đâu", "e k bt", "m n ơi vào xem", "e o đây nè", "a e mình đi", "t k biết", "c o ơi"
    };

    private CollisionTraps() {}

    /** Every sentence in every innocent spelling, plus teencode runs of one-letter words. */
    static List<String> all(long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String s : SENTENCES) {
            out.add(s);
            out.add(Evasions.unaccented(s));
            out.add(Character.toUpperCase(s.charAt(0)) + s.substring(1));
            out.add(s.toUpperCase(Locale.ROOT));
            out.add(Evasions.unaccented(s).toUpperCase(Locale.ROOT));
            out.add(stretched(s, r));
            out.add(stretched(Evasions.unaccented(s), r) + "!!!");
        }
        for (String s : TEENCODE) {
            out.add(s);
            out.add(Evasions.unaccented(s));
        }
        return out;
    }

    /** One word of the sentence stretched, as in chat: "buổiii", "lonnn". */
    private static String stretched(String s, Random r) {
        String[] words = s.split(" ");
        int w = r.nextInt(words.length);
        char last = words[w].charAt(words[w].length() - 1);
        if (Character.isLetter(last)) words[w] = words[w] + String.valueOf(last).repeat(1 + r.nextInt(4));
        return String.join(" ", words);
    }
}

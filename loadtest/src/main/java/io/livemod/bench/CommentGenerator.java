package io.livemod.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic Vietnamese livestream comments for benchmarks: short shop/music/game chatter, a share
 * typed without tone marks, some emoji, about 8% abusive (with evasions) and 4% gambling or scam
 * ads. Generated from a seed, so runs are repeatable; no real data is shipped.
 */
public final class CommentGenerator {
    private static final String[] OPENERS = {
        "", "", "chị ơi ", "shop ơi ", "anh ơi ", "ad ơi ", "mọi người ơi ", "em ơi ", "bạn ơi ", "trời ơi "
    };
    private static final String[] BODIES = {
        "áo này còn size M không",
        "giá bao nhiêu vậy",
        "ship về Hà Nội mất mấy ngày",
        "xinh quá",
        "hát hay quá",
        "cho em xin link với",
        "chốt đơn nha",
        "em lấy 2 cái màu đen",
        "live hôm nay vui quá",
        "hôm nay có giảm giá không",
        "màu đỏ còn không chị",
        "cảm ơn shop nhiều",
        "ủng hộ chị hết mình",
        "thương chị lắm luôn",
        "dễ thương ghê",
        "ăn cơm chưa mọi người",
        "nay trời mưa quá",
        "đợi mãi mới thấy live",
        "quá đỉnh luôn",
        "trận này căng thật",
        "team mình thắng rồi",
        "chơi hay quá bạn ơi",
        "bài này tên gì vậy ạ",
        "cho xin tên bài hát",
        "em mới vào xem",
        "chúc chị buổi tối vui vẻ",
        "đồ ăn nhìn ngon thế",
        "nấu món này thế nào ạ",
        "cho mình hỏi phí ship",
        "có freeship không shop",
        "hàng về nhanh không",
        "mình đặt rồi nha",
        "vải có dày không chị",
        "con mèo đáng yêu quá",
        "các bạn ơi share live giúp chị",
        "đi chơi không mọi người",
        "lộn xộn quá trời",
        "buổi live hôm qua hay hơn",
        "mai mấy giờ live vậy",
        "chị mặc đẹp quá"
    };
    private static final String[] CLOSERS = {
        "", "", "", " ❤️", " 😂😂", " =))", " :)))", "!!!", " nha", " nhé", " ạ", " 👍", " hihi", " kkk"
    };
    private static final String[] ABUSE = {
        "địt mẹ mày",
        "đ.m thằng ngu",
        "ngu vcl",
        "óc chó à",
        "ngu như bò",
        "con c4c",
        "l0n",
        "đờ mờ nó",
        "dit me may",
        "câm mồm đi",
        "đồ súc vật",
        "thằng điên",
        "vãi lồnnnn",
        "đ ị t",
        "mẹ mày",
        "đcm",
        "NGU",
        "cút đi đồ khốn nạn",
        "dkm",
        "óc lợn"
    };
    private static final String[] ADS = {
        "vào fb88.com nhận 100k",
        "nhà cái uy tín zalo 0987.654.321",
        "t.me/kiemtien247 kiếm tiền online",
        "kiếm tiền online 500k/ngày ib mình",
        "tài xỉu uy tín nạp đầu x2",
        "việc nhẹ lương cao liên hệ 0912345678",
        "game bài đổi thưởng link ở bio",
        "soi cầu lô đề miễn phí"
    };

    private CommentGenerator() {}

    public static List<String> generate(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder(OPENERS[r.nextInt(OPENERS.length)]);
            int roll = r.nextInt(100);
            if (roll < 8) b.append(ABUSE[r.nextInt(ABUSE.length)]);
            else if (roll < 12) b.append(ADS[r.nextInt(ADS.length)]);
            else b.append(BODIES[r.nextInt(BODIES.length)]);
            if (r.nextInt(3) == 0) b.append(' ').append(BODIES[r.nextInt(BODIES.length)]);
            b.append(CLOSERS[r.nextInt(CLOSERS.length)]);
            String c = b.toString();
            out.add(r.nextInt(10) < 3 ? unaccented(c) : c); // many type without tone marks
        }
        return out;
    }

    static String unaccented(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
    }
}

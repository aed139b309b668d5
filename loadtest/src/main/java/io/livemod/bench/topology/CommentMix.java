package io.livemod.bench.topology;

import io.livemod.event.Comment;
import java.util.SplittableRandom;

/**
 * Synthetic livestream traffic for the topology benchmark: Vietnamese chat built from phrases,
 * one mega-live taking half of all comments (the hot-key case), about 4 % rule violations (some
 * in teencode or without diacritics) and about 2 % copy-paste spam from many accounts.
 */
final class CommentMix implements CommentSource {
    private static final String[] OPENERS = {
        "chào cả nhà",
        "hello mọi người",
        "em chào anh chị",
        "xin chào shop",
        "ủa",
        "trời ơi",
        "haha",
        "alo alo",
        "chị ơi",
        "anh ơi"
    };
    private static final String[] BODIES = {
        "hôm nay live muộn thế %s",
        "cho em xem mẫu số %d",
        "mã %d giá bao nhiêu vậy ạ",
        "ship về %s mất mấy ngày",
        "áo %d đẹp quá trời luôn",
        "còn size %s không shop",
        "nghe %s hát dễ thương ghê",
        "tối nay có giảm giá mã %d không",
        "mình ở %s nè",
        "bài hát thứ %d tên gì vậy",
        "chốt đơn cho em %d cái",
        "xem từ %s đến giờ luôn",
        "mai live tiếp không %s",
        "cho xin link sản phẩm %d với",
        "ủng hộ kênh %s nhiều nhiều",
        "chào bạn %s nha",
        "%s ơi cho mình hỏi chút",
        "đơn %d đã chuyển khoản rồi nha"
    };
    private static final String[] CLAUSES = {
        "",
        "",
        "",
        "hôm qua mua %d cái rồi",
        "giao hàng nhanh không %s",
        "lần trước đặt mã %d",
        "nhà mình ở %s",
        "tặng %s một tim",
        "hẹn %s tối mai"
    };
    private static final String[] PLACES = {
        "Hà Nội", "Đà Nẵng", "Huế", "Cần Thơ", "Sài Gòn", "Hải Phòng", "Nha Trang", "Vinh"
    };
    private static final String[] NAMES = {"Lan", "Minh", "Hùng", "Trang", "Tuấn", "Hoa", "Nam", "Thảo", "Long", "Mai"};
    private static final String[] SIZES = {"S", "M", "L", "XL", "XXL"};
    private static final String[] CLOSERS = {"", "nha", "ạ", "luôn", "😍", "❤️❤️", "!!!", "đi mà", "hihi", "nhé"};
    private static final String[] VIOLATIONS = {
        "vào nhà cái uy tín nhận thưởng",
        "kèo cá độ bóng đá tối nay",
        "chơi tài xỉu online không",
        "vcl thật sự",
        "nha cai so 1 viet nam",
        "địt mẹ thằng này"
    };
    private static final String[] SPAM = {
        "nhận quà miễn phí tại link bio của mình ngay hôm nay", "kết bạn zalo để nhận mã giảm giá năm mươi phần trăm"
    };

    private final SplittableRandom random;
    private final int streams;
    private final int users;

    CommentMix(long seed, int streams, int users) {
        this.random = new SplittableRandom(seed);
        this.streams = streams;
        this.users = users;
    }

    @Override
    public Comment next(int i, long receivedAt) {
        String stream = streams == 0 || random.nextInt(2) == 0
                ? "mega-live"
                : "live-" + random.nextInt(streams); // 0: the mega-live alone
        String user = "viewer-" + random.nextInt(users);
        int roll = random.nextInt(100);
        String text;
        if (roll < 4) {
            text = pick(VIOLATIONS);
        } else if (roll < 6) {
            text = pick(SPAM);
        } else {
            text = (pick(OPENERS) + " " + fill(pick(BODIES)) + " " + fill(pick(CLAUSES)) + " " + pick(CLOSERS))
                    .replaceAll("\\s+", " ")
                    .trim();
        }
        return Comment.builder("bench", "b-" + i)
                .streamId(stream)
                .userId(user)
                .text(text)
                .ts("2026-11-28T20:00:00+07:00")
                .receivedAt(receivedAt)
                .build();
    }

    /** Real chat is mostly unique: numbers, names and places vary from one comment to the next. */
    private String fill(String body) {
        if (body.contains("%d")) return String.format(body, 1 + random.nextInt(500));
        if (!body.contains("%s")) return body;
        String[] from = body.startsWith("còn size")
                ? SIZES
                : body.contains("ship") || body.contains("ở %s") || body.contains("từ %s") ? PLACES : NAMES;
        return String.format(body, pick(from));
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }
}

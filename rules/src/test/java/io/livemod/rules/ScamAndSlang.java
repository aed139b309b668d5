package io.livemod.rules;

import io.livemod.rules.EvasionClasses.Case;
import java.util.Random;

/**
 * Generators for the two families issue 17 asks to flag at low severity: job-scam comments as
 * scammers post them ("việc nhẹ lương cao" and its kin: online work, task commissions, a
 * collaborator's deposit), and vulgar intensifiers in everyday chat ("đẹp vcl", "mệt chết mẹ").
 * Each comment is put together from parts at random, then typed the ways people type.
 */
final class ScamAndSlang {
    private static final String[] OPENERS = {
        "", "", "Mọi người ơi ", "Cần gấp ", "🔥 ", "Ai cần ", "Chị em ơi ", "Tuyển gấp: "
    };
    private static final String[] HOOKS = {
        "việc nhẹ lương cao",
        "việc nhẹ lương khủng",
        "công việc nhẹ nhàng lương cao",
        "làm việc online tại nhà",
        "việc làm online",
        "làm thêm online",
        "kiếm thêm thu nhập tại nhà",
        "ngồi nhà kiếm tiền",
        "kiếm tiền bằng điện thoại",
        "làm nhiệm vụ nhận hoa hồng",
        "xem video nhận tiền",
        "thả tim nhận tiền",
        "like nhận tiền",
        "đánh giá sản phẩm nhận tiền",
        "nạp tiền làm nhiệm vụ",
        "làm đơn hàng ảo hưởng hoa hồng",
        "tuyển cộng tác viên online",
        "tuyển ctv online",
        "việc nhẹ lương cao cho mẹ bỉm sữa",
        "nhận nhiệm vụ online hoàn tiền và hoa hồng"
    };
    private static final String[] PAY = {
        "",
        "",
        "lương 300k/ngày",
        "thu nhập 500k-1tr/ngày",
        "lương từ 200k mỗi ngày",
        "hoa hồng 10-30%",
        "rút tiền trong ngày",
        "kiếm 400k/ngày"
    };
    private static final String[] EASE = {
        "", "", "không cần kinh nghiệm", "chỉ cần điện thoại", "ai cũng làm được", "không cần vốn", "làm lúc rảnh"
    };
    private static final String[] DEPOSIT = {
        "", "", "", "chỉ cần đặt cọc 200k", "phí đào tạo 150k", "nạp trước 100k nhận việc"
    };
    private static final String[] CONTACT = {
        "",
        "ib mình",
        "liên hệ zalo 0912 345 678",
        "kết bạn zalo nhé",
        "inbox ngay",
        "tham gia nhóm telegram",
        "để lại sđt"
    };
    /** A collaborator's job that asks for money first. */
    private static final String[] DEPOSIT_JOBS = {
        "Shop cần {ctv} bán hàng, đặt cọc {m} để nhận hàng về bán",
        "Tuyển {ctv} làm tại nhà, chỉ cần nạp tiền {m} để kích hoạt tài khoản",
        "{ctv} mới đóng phí đào tạo {m} là bắt đầu làm được",
        "làm {ctv} thì phải ký quỹ {m} trước nha"
    };

    private static final String[] ADJECTIVES = {
        "đẹp",
        "hay",
        "ngon",
        "xịn",
        "đỉnh",
        "chán",
        "mệt",
        "khó",
        "dễ thương",
        "buồn cười",
        "nóng",
        "lạnh",
        "đắt",
        "rẻ",
        "nhanh",
        "lâu",
        "sợ",
        "mắc cười",
        "bá đạo",
        "ảo"
    };
    private static final String[] INTENSIFIERS = {
        "vl",
        "vcl",
        "vkl",
        "vãi lồn",
        "vãi cả lồn",
        "vãi l",
        "vloz",
        "vãi loz",
        "vãi cặc",
        "v l",
        "v.l",
        "VCL",
        "vlllll",
        "vcllll",
        "vai lon",
        "vai ca lon",
        "VL",
        "vãi lìn",
        "v~c~l",
        "chết mẹ",
        "chet me",
        "bỏ mẹ",
        "vãi đái",
        "vailon"
    };
    private static final String[] FRAMES = {
        "{a} {i}",
        "{a} {i} luôn",
        "trời ơi {a} {i}",
        "live hôm nay {a} {i}",
        "công nhận {a} {i}",
        "{a} {i} 😂😂",
        "nhìn {a} {i} thật sự",
        "{a} {i} mọi người ạ"
    };

    private ScamAndSlang() {}

    /** A job-scam comment; caught by a live scam match. */
    static Case jobScam(Random r) {
        String text;
        if (r.nextInt(5) == 0) {
            text = pick(DEPOSIT_JOBS, r)
                    .replace("{ctv}", r.nextBoolean() ? "cộng tác viên" : "ctv")
                    .replace("{m}", (1 + r.nextInt(9)) * 100 + "k");
        } else {
            StringBuilder b = new StringBuilder(pick(OPENERS, r)).append(pick(HOOKS, r));
            for (String[] part : new String[][] {PAY, EASE, DEPOSIT}) {
                String p = pick(part, r);
                if (!p.isEmpty()) b.append(", ").append(p);
            }
            String contact = pick(CONTACT, r);
            if (!contact.isEmpty()) b.append(". ").append(contact);
            text = b.toString();
        }
        text = typed(text, r);
        return new Case("job-scam", text, "job scam", "scam*", v -> v.matches().stream()
                .anyMatch(m -> m.category() == Category.SCAM));
    }

    /** A vulgar intensifier in chat; caught by a live match of the intensifier rule. */
    static Case intensifier(Random r) {
        String text = pick(FRAMES, r).replace("{a}", pick(ADJECTIVES, r)).replace("{i}", pick(INTENSIFIERS, r));
        text = typed(text, r);
        return new Case("intensifier", text, "intensifier", "profanity-intensifier", v -> v.matches().stream()
                .anyMatch(m -> m.rule().equals("profanity-intensifier")));
    }

    /** As people type: three in ten without tone marks, some in capitals, some letters stretched. */
    private static String typed(String text, Random r) {
        int roll = r.nextInt(10);
        if (roll < 3) return Evasions.unaccented(text);
        if (roll == 3) return text.toUpperCase(java.util.Locale.ROOT);
        if (roll == 4) return Evasions.apply("repeat", text, r);
        return text;
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }
}

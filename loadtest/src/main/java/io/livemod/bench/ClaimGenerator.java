package io.livemod.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A registry of synthetic false claims for the matcher's benchmark: subject, predicate and place
 * drawn from typical false-news topics (health cures, vaccines, banks, disasters, government
 * announcements), so claims share topic words the way a real registry does. Reproducible from the
 * seed. {@link #comments} mixes chat with paraphrases of registered claims.
 */
public final class ClaimGenerator {
    private static final String[] SUBJECTS = {
        "Vắc xin Covid",
        "Vắc xin sởi",
        "Vắc xin 5 trong 1",
        "Nước chanh nóng",
        "Tỏi ngâm mật ong",
        "Lá đu đủ đực",
        "Nước muối sinh lý",
        "Xông hơi sả chanh",
        "Ngân hàng Sài Gòn Thương Tín",
        "Ngân hàng Nhà nước",
        "Vietcombank",
        "Ngân hàng Á Châu",
        "Ngân hàng Đông Á",
        "Quỹ tín dụng nhân dân",
        "Bộ Y tế",
        "Bộ Công an",
        "Chính phủ",
        "Thủ tướng",
        "Ủy ban nhân dân thành phố",
        "Sở Giáo dục",
        "Đập thủy điện Hòa Bình",
        "Đập thủy điện Sơn La",
        "Bão số 9",
        "Bão số 12",
        "Động đất 8 độ richter",
        "Sóng thần cao 10 mét",
        "Gạo nhựa Trung Quốc",
        "Trứng gà giả",
        "Nước mắm nhiễm độc",
        "Thịt lợn bệnh",
        "Sữa bột giả",
        "Cúm A",
        "Dịch tả lợn",
        "Virus corona",
        "Điện thoại 5G",
        "Cột sóng 5G",
        "Xăng pha nước",
        "Tiền polymer mới",
        "Căn cước gắn chip",
        "Bảo hiểm xã hội",
        "Lương hưu",
        "Học phí đại học",
        "Xe máy cũ",
        "Giá vàng",
        "Đồng tiền số",
        "Thuốc nam gia truyền",
        "Cây xạ đen",
        "Nấm lim xanh",
        "Mật gấu",
        "Sừng tê giác"
    };
    private static final String[] PREDICATES = {
        "chữa khỏi ung thư",
        "gây vô sinh",
        "gây bệnh tự kỷ",
        "có gắn chip theo dõi",
        "sắp phá sản",
        "đóng băng tài khoản tiết kiệm",
        "tịch thu tiền gửi",
        "bị hacker tấn công",
        "vỡ tràn về",
        "đổ bộ với sức gió cấp 17",
        "xảy ra đêm nay",
        "đánh vào bờ biển",
        "bán tràn lan ở chợ",
        "làm từ hóa chất",
        "gây tử vong hàng loạt",
        "lây qua không khí",
        "tiêu diệt virus trong cổ họng",
        "phát tiền hỗ trợ qua đường link",
        "phạt 5 triệu người đi đường",
        "cấm xe máy từ năm sau",
        "cho học sinh nghỉ học hết tháng",
        "phong tỏa toàn thành phố",
        "ngừng chi trả từ tháng sau",
        "tăng gấp đôi từ tuần tới",
        "thu hồi toàn bộ",
        "gây ung thư máu",
        "làm hỏng gan thận",
        "gây đột quỵ ở người trẻ",
        "làm mất trí nhớ",
        "chữa khỏi tiểu đường trong một tuần"
    };
    private static final String[] PLACES = {
        "ở Hà Nội",
        "ở thành phố Hồ Chí Minh",
        "ở Đà Nẵng",
        "ở miền Trung",
        "ở miền Tây",
        "trên cả nước",
        "ở Hải Phòng",
        "ở Cần Thơ",
        "ở Nghệ An",
        "ở Quảng Ninh",
        "ở các siêu thị",
        "ở vùng biên giới",
        "trong tuần tới",
        "từ tháng sau",
        "ngay trong đêm nay",
        "theo nguồn tin nội bộ",
        "theo bác sĩ bệnh viện lớn",
        "ở trẻ em dưới 5 tuổi",
        "ở phụ nữ trẻ",
        "ở người già"
    };
    private static final String[] CHAT_WRAP = {"nghe nói ", "mọi người ơi ", "share gấp: ", "", "nóng: "};

    private ClaimGenerator() {}

    /** {@code count} distinct claims, id → text. */
    public static Map<String, String> claims(int count, long seed) {
        Random r = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        int max = SUBJECTS.length * PREDICATES.length * PLACES.length;
        if (count > max) throw new IllegalArgumentException("at most " + max + " claims");
        while (seen.size() < count) {
            seen.add(SUBJECTS[r.nextInt(SUBJECTS.length)] + " " + PREDICATES[r.nextInt(PREDICATES.length)] + " "
                    + PLACES[r.nextInt(PLACES.length)]);
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        for (String s : seen) out.put("c" + i++, s);
        return out;
    }

    /**
     * Generated chat ({@link CommentGenerator}) with one comment in {@code every} replaced by a
     * paraphrase of a registered claim (lower case, words added, some without tone marks).
     */
    public static List<String> comments(Map<String, String> claims, int count, int every, long seed) {
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>(claims.values());
        List<String> out = new ArrayList<>(CommentGenerator.generate(count, seed));
        for (int i = 0; i < out.size(); i += every) {
            String c = CHAT_WRAP[r.nextInt(CHAT_WRAP.length)]
                    + texts.get(r.nextInt(texts.size())).toLowerCase(java.util.Locale.ROOT);
            out.set(
                    i,
                    r.nextBoolean()
                            ? c
                            : java.text.Normalizer.normalize(c.replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                                    .replaceAll("\\p{M}", ""));
        }
        return out;
    }
}

package io.livemod.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The false-claim evaluation set: claims ({@code claims.tsv}), hand-written comments
 * ({@code cases.tsv}: paraphrases and same-topic hard negatives), and comments generated from the
 * claims: paraphrases as people type them (no tone marks, teencode, loan words, another word order,
 * words added or one dropped) and topic-only negatives (a claim's first words, then chat).
 */
final class ClaimEvaluation {
    record Case(String expected, String text, String source) {
        boolean positive() {
            return expected != null;
        }
    }

    private static final String[] PREFIXES = {
        "nghe nói ", "mọi người ơi, ", "share gấp: ", "nóng: ", "trời ơi ", "tin mới nè, "
    };
    private static final String[] SUFFIXES = {
        " chia sẻ cho người thân biết", " mọi người cẩn thận nha", " ghê quá", " !!!", " thật đấy", " ai cũng nên biết"
    };
    private static final String[] CHAT = {
        "hôm nay idol hát hay quá",
        "ai xem live tối qua chưa",
        "giá bao nhiêu vậy shop",
        "mọi người đi chợ nhớ mang túi",
        "có ai ở gần đây không",
        "mai mình đi làm sớm"
    };
    private static final Map<String, String> TEENCODE = Map.of(
            "không",
            "ko",
            "được",
            "dc",
            "vắc xin",
            "vaccine",
            "mọi người",
            "mn",
            "triệu",
            "tr",
            "thành phố",
            "tp",
            "ngân hàng",
            "nh",
            "Bộ Y tế",
            "byt");

    private ClaimEvaluation() {}

    static Map<String, String> claims() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] f : rows("claims.tsv")) out.put(f[0], f[2]);
        return out;
    }

    static List<Case> handWritten() {
        List<Case> out = new ArrayList<>();
        for (String[] f : rows("cases.tsv")) out.add(new Case(f[0].equals("-") ? null : f[0], f[1], "hand"));
        return out;
    }

    /** {@code perClaim} paraphrases and two topic-only negatives per claim, reproducible from the seed. */
    static List<Case> generated(Map<String, String> claims, int perClaim, long seed) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        claims.forEach((id, text) -> {
            for (int i = 0; i < perClaim; i++) out.add(new Case(id, paraphrase(text, r), "generated"));
            String[] words = text.split("\\s+");
            for (int i = 0; i < 2; i++) {
                int keep = Math.max(2, words.length / 3);
                out.add(new Case(
                        null,
                        String.join(" ", java.util.Arrays.copyOf(words, keep)) + " " + CHAT[r.nextInt(CHAT.length)],
                        "generated-negative"));
            }
        });
        return out;
    }

    /** Two or three of: reorder, add words, drop a word, teencode, no tone marks. */
    static String paraphrase(String text, Random r) {
        String t = text.replace(",", "");
        int applied = 0;
        while (applied < 2) {
            if (r.nextBoolean()) {
                t = rotate(t, r);
                applied++;
            }
            if (r.nextBoolean()) {
                t = PREFIXES[r.nextInt(PREFIXES.length)] + t + SUFFIXES[r.nextInt(SUFFIXES.length)];
                applied++;
            }
            if (r.nextInt(3) == 0) {
                t = dropOne(t, r);
                applied++;
            }
            if (r.nextBoolean()) {
                t = teencode(t);
                applied++;
            }
            if (r.nextBoolean()) {
                t = toneless(t);
                applied++;
            }
        }
        return t;
    }

    /** "A B C D E" → "D E A B C": a clause moved, one word pair broken. */
    static String rotate(String t, Random r) {
        String[] w = t.split(" ");
        if (w.length < 4) return t;
        int at = 2 + r.nextInt(w.length - 3);
        return String.join(" ", java.util.Arrays.copyOfRange(w, at, w.length)) + " "
                + String.join(" ", java.util.Arrays.copyOf(w, at));
    }

    static String dropOne(String t, Random r) {
        List<String> w = new ArrayList<>(List.of(t.split(" ")));
        if (w.size() > 6) w.remove(1 + r.nextInt(w.size() - 1));
        return String.join(" ", w);
    }

    static String teencode(String t) {
        for (var e : TEENCODE.entrySet())
            t = t.replace(e.getKey(), e.getValue())
                    .replace(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
        return t;
    }

    static String toneless(String t) {
        String d = Normalizer.normalize(t.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}", "");
    }

    private static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        try (var in = Objects.requireNonNull(ClaimEvaluation.class.getResourceAsStream(name), name);
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

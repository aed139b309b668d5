package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code rules test}'s fast path (bytes decoded in place, the text never a String unless a hit
 * needs it, pattern prefilters asked before the folded String is made) against the full path (a
 * String per line, as every other caller evaluates), on a seeded corpus: issue 17's evasion
 * classes, the collision traps, job scams and intensifiers, every term of the default pack typed
 * plainly and evaded, ordinary chat, and text the normalizer takes its slow paths on (combining
 * marks, emoji, invisible chars, arithmetic, links and phone numbers, malformed UTF-8). Every hit
 * (rule, severity, term, offsets, steps) must be the same.
 */
class FastPathDifferentialTest {
    private static final RuleSet PACK = RuleSetLoader.defaults();
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(PACK);
    private static final String[] CHAT = {
        "anh ơi cho em xin link với nhé",
        "trời ơi hát hay quá",
        "ad ơi giá bao nhiêu vậy 👍",
        "cho xin ten bai hat 😂😂",
        "em lấy 2 cái màu đen",
        "8+2=10 nha",
        "M8+2 đội nhà thắng",
        "chốt đơn nha ạ =))",
        "ib mình nhé: 0912 345 678",
        "vào web abc.com xem",
        "xem tại fb88 . com",
        "zalo: 0987654321",
        "t.me/shopabc",
        "lương 300k/ngày",
        "Khách sạn 5*",
        "đẹp quá!!! đẹp quáaaa",
        "kkk hihi",
        "e o đây nè",
        "a k đi đâu",
        "110 cc",
        "điiiiịt",
        "đ.m",
        "d m",
        "đờ mờ",
        "v c l",
        "l*n",
        "c***",
        "ｃａｃ",
        "ＬＯＮ",
        "l0n",
        "cAc",
        "n h à c á i"
    };
    private static final String[] NOISE = {
        "\u200B", "\u00AD", "\uFE0F", "😂", "🄳", "𝐝𝐦", "\u0301", "\u0323", ".", "-", "!", "@", "0", "1", "4", "+",
        "=", "\t", " ", "\u3000", "ｍ", "Đ", "ư", "о", "\uFEFF", "{", "\"", "\\", "…", "\r"
    };

    private static List<String> corpus() {
        Random r = new Random(17);
        List<String> out = new ArrayList<>();
        EvasionClasses classes = new EvasionClasses(PACK);
        for (String kind : EvasionClasses.KINDS) classes.cases(kind, 150, 17).forEach(c -> out.add(c.text()));
        out.addAll(CollisionTraps.all(17));
        for (int i = 0; i < 150; i++) {
            out.add(ScamAndSlang.jobScam(r).text());
            out.add(ScamAndSlang.intensifier(r).text());
        }
        for (Rule rule : PACK.rules()) {
            for (String term : rule.terms()) {
                out.add(EvasionClasses.carrier(term, r));
                out.add(Evasions.unaccented(term) + " nha");
                for (String evaded : new String[] {
                    EvasionClasses.leet(term, r),
                    EvasionClasses.fullwidth(term),
                    EvasionClasses.mixedCase(term, r),
                    EvasionClasses.separated(term, r),
                    EvasionClasses.lookalike(term, r)
                }) {
                    if (evaded != null) out.add(EvasionClasses.carrier(evaded, r));
                }
            }
        }
        out.addAll(List.of(CHAT));
        for (int i = 0; i < 1000; i++) out.add(mixed(r));
        out.add("");
        return out;
    }

    /** Chat and pack terms joined, with noise chars dropped in and sometimes decomposed (NFD) or upper-cased. */
    private static String mixed(Random r) {
        StringBuilder b = new StringBuilder();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            if (r.nextInt(3) == 0) {
                Rule rule = PACK.rules().get(r.nextInt(PACK.rules().size()));
                b.append(
                        rule.terms().isEmpty()
                                ? CHAT[r.nextInt(CHAT.length)]
                                : rule.terms().get(r.nextInt(rule.terms().size())));
            } else {
                b.append(CHAT[r.nextInt(CHAT.length)]);
            }
            b.append(r.nextInt(5) == 0 ? NOISE[r.nextInt(NOISE.length)] : " ");
            if (r.nextInt(4) == 0) b.insert(r.nextInt(b.length() + 1), NOISE[r.nextInt(NOISE.length)]);
        }
        String s = b.toString();
        if (r.nextInt(6) == 0) s = Normalizer.normalize(s, Normalizer.Form.NFD);
        if (r.nextInt(8) == 0) s = s.toUpperCase(java.util.Locale.ROOT);
        return s;
    }

    @Test
    void evaluatingCharsInPlaceGivesTheSameHitsAsEvaluatingTheString() {
        Evaluator fast = DEFAULTS.evaluator();
        int flagged = 0;
        List<String> corpus = corpus();
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i);
            Verdict full = DEFAULTS.evaluate(text, Scope.ANY);
            char[] chars = (text + "tail not read").toCharArray(); // the length, not the array, bounds the text
            assertThat(fast.evaluate(chars, text.length(), Scope.ANY)).as(text).isEqualTo(full);
            if (i % 4 == 0)
                for (Scope where : new Scope[] {new Scope("tiktok", "s1"), new Scope("youtube", null)}) {
                    assertThat(fast.evaluate(chars, text.length(), where))
                            .as(text + " on " + where)
                            .isEqualTo(DEFAULTS.evaluate(text, where));
                }
            if (full.flagged()) flagged++;
        }
        assertThat(flagged).as("the corpus exercises hits, not only clean text").isGreaterThan(corpus.size() / 4);
    }

    /**
     * End to end through {@code rules test}: the corpus as plain lines (fast path) prints byte for
     * byte what the same lines print as NDJSON with their line number as id (the String path).
     */
    @Test
    void plainLinesPrintExactlyWhatTheStringPathPrints() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(), json = new ByteArrayOutputStream();
        plain.write("warm-up line one\n".getBytes(StandardCharsets.UTF_8)); // line 1 always takes the String path (BOM)
        json.write("{\"id\":1,\"text\":\"warm-up line one\"}\n".getBytes(StandardCharsets.UTF_8));
        int no = 2;
        Random r = new Random(1717);
        for (String text : corpus()) {
            byte[] bytes = text.replace("\n", " ").replace("\r", " ").getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(20) == 0) bytes = broken(bytes, r);
            plain.write(bytes);
            plain.write('\n');
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            json.write(("{\"id\":" + no++ + ",\"text\":" + quote(decoded) + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run(plain.toByteArray())).isEqualTo(run(json.toByteArray()));
    }

    private static String run(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RulesTool.test(new ByteArrayInputStream(input), out, DEFAULTS, Scope.ANY, false, 2);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Malformed UTF-8: a byte dropped from a sequence, a stray continuation byte, or an invalid one. */
    private static byte[] broken(byte[] b, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        out.write(b, 0, at);
        out.write(new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0xFF, (byte) 0xED}[r.nextInt(4)]);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Objects.requireNonNull(s));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

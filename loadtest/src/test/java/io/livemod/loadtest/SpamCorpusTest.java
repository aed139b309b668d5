package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.CompiledRuleSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpamCorpusTest {
    @Test
    void campaignsCarryContactsLinksOrMoneyAndNeverShareAText() {
        Random r = new Random(9);
        Set<String> canonical = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String t = SpamCorpus.campaign(r, 0);
            assertThat(t).containsPattern("09\\d{8}|t\\.me/|\\.(ly|vn|xyz|top|club|site|com|at)/|\\d+k|triệu|\\dtr");
            assertThat(canonical.add(CompiledRuleSet.canonical(t))).as(t).isTrue();
        }
    }

    @Test
    void evasionsSpaceDigitsSwapLookAlikesAndDropToneMarks() {
        assertThat(SpamCorpus.spaceDigits("zalo 0912345678 nhận 500k", " "))
                .isEqualTo("zalo 0 9 1 2 3 4 5 6 7 8 nhận 500k");
        assertThat(SpamCorpus.spaceDigits("gọi 0912345678", ".")).isEqualTo("gọi 0.9.1.2.3.4.5.6.7.8");
        assertThat(SpamCorpus.lookAlike("ib zalo nhận quà"))
                .isEqualTo("ib zаlо nhận quà")
                .isNotEqualTo("ib zalo nhận quà");
        Random r = new Random(4);
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String t = SpamCorpus.evade("ib zalo 0912345678 nhận quà tại bit.ly/abc", r);
            if (t.contains("0 9 1") || t.contains("0.9.1")) kinds.add("digits");
            if (t.contains("а") || t.contains("о")) kinds.add("look-alike");
            if (t.contains("nhan qua")) kinds.add("no tone marks");
            if (t.contains("zal0") || t.contains(" . ly")) kinds.add("separators");
        }
        assertThat(kinds).containsExactlyInAnyOrder("digits", "look-alike", "no tone marks", "separators");
    }
}

package io.livemod.loadtest;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficPlanTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    static LoadConfig config(double violations, boolean floods) {
        return new LoadConfig("http://127.0.0.1:1", "127.0.0.1:1", 1000, Duration.ofSeconds(10), Duration.ZERO,
                List.of(new LoadConfig.PlatformCredentials("a", "s"), new LoadConfig.PlatformCredentials("b", "s")),
                20, 1.1, violations, 0, 10, 4, floods, 1L).validate();
    }

    @Test
    void zipfMakesTheFirstStreamTheMegaLive() {
        Zipf z = new Zipf(100, 1.1);
        int[] hits = new int[100];
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) hits[z.next(r)]++;
        assertThat(hits[0]).isGreaterThan(hits[1]).isGreaterThan(hits[50] * 20);
        assertThat(hits[0] / 100_000.0).isCloseTo(z.share(0), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void violationsComeAtTheConfiguredShareAndTheOracleAgrees() {
        TrafficPlan plan = new TrafficPlan(config(0.2, false), "run", CompiledRuleSet.compile(RuleSetLoader.defaults()), clock);
        long total = 0, flagged = 0;
        for (int t = 0; t < 100; t++) {
            for (var batch : plan.next(100).values()) {
                for (var c : batch) {
                    total++;
                    if (c.violation()) flagged++;
                    assertThat(c.json().getString("ts")).isEqualTo("2026-11-28T12:00:00Z");
                }
            }
        }
        assertThat(total).isEqualTo(10_000);
        // Some evasions may slip past the rules: the share flagged is at most the share injected.
        assertThat(flagged / (double) total).isBetween(0.05, 0.22);
    }

    @Test
    void burstsAddFloodsAndCampaignsAcrossPlatforms() {
        TrafficPlan plan = new TrafficPlan(config(0, true), "run", CompiledRuleSet.compile(RuleSetLoader.defaults()), clock);
        var seenPlatforms = new java.util.HashSet<String>();
        long flooder = 0;
        for (int t = 0; t < 50; t++) {
            for (var e : plan.next(10).entrySet()) {
                for (var c : e.getValue()) {
                    if (c.json().getString("text").startsWith("mua hàng giá rẻ")) seenPlatforms.add(e.getKey());
                    if (c.json().getString("userId").startsWith("flooder-")) flooder++;
                }
            }
        }
        assertThat(seenPlatforms).containsExactlyInAnyOrder("a", "b");
        assertThat(flooder).isEqualTo(7);
    }

    @Test
    void sequenceNumbersRoundTripAndOtherRunsAreIgnored() {
        assertThat(TrafficPlan.seqOf("lt1", "lt1-42")).isEqualTo(42);
        assertThat(TrafficPlan.seqOf("lt1", "lt2-42")).isEqualTo(-1);
        assertThat(TrafficPlan.seqOf("lt1", "lt1-x")).isEqualTo(-1);
        assertThat(TrafficPlan.seqOf("lt1", null)).isEqualTo(-1);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new LoadConfig("t", "b", 0, Duration.ofSeconds(1), Duration.ZERO, List.of(), 1, 1, 0, 0, 10, 1, false, 1).validate())
                .hasMessageStartingWith("rate:");
    }
}

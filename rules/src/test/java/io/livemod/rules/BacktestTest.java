package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A candidate rule set against the live one on the same comments: per-rule counts, samples, the JSON shape. */
class BacktestTest {
    private static final Rule GAMBLING =
            Rule.keyword("gambling", Category.GAMBLING_ADS, Severity.HIGH, MatchMode.PHRASE, List.of("nhà cái"));
    private static final Rule INTENSIFIER =
            Rule.keyword("intensifier", Category.PROFANITY, Severity.LOW, MatchMode.PHRASE, List.of("vãi lồn"));
    private static final Rule OLD =
            Rule.keyword("old", Category.SCAM, Severity.MEDIUM, MatchMode.PHRASE, List.of("kiếm tiền"));
    private static final Rule QUIET =
            Rule.keyword("quiet", Category.SPAM, Severity.LOW, MatchMode.PHRASE, List.of("never typed"));

    private static CompiledRuleSet set(String version, Rule... rules) {
        return CompiledRuleSet.compile(new RuleSet(version, List.of(rules), null));
    }

    private static Backtest.Comment comment(int i, String platform, String text) {
        return new Backtest.Comment("c" + i, platform, "s1", 1_000L + i, text);
    }

    @Test
    void countsPerRuleWhatOnlyOneVersionFlags() {
        CompiledRuleSet live = set("live", GAMBLING, INTENSIFIER.withState(RuleState.SHADOW), OLD, QUIET);
        CompiledRuleSet candidate = set("cand", GAMBLING, INTENSIFIER.withExceptPlatforms(Set.of("calm")), QUIET);
        Backtest b = new Backtest(live, candidate, 2);
        for (int i = 0; i < 10; i++)
            b.add(comment(i, "loud", "đẹp vl " + i)); // intensifier: now live, except on "calm"
        for (int i = 10; i < 13; i++) b.add(comment(i, "calm", "hay vl"));
        for (int i = 13; i < 16; i++) b.add(comment(i, "loud", "kiếm tiền online")); // rule "old" is gone
        b.add(comment(16, "loud", "vào nhà cái")); // same under both
        b.add(comment(17, "loud", "chào cả nhà"));
        b.add(comment(18, "loud", ""));
        Backtest.Report r = b.report();
        assertThat(r.comments()).isEqualTo(19);
        assertThat(r.liveFlagged()).isEqualTo(4);
        assertThat(r.candidateFlagged()).isEqualTo(11);
        assertThat(r.added()).isEqualTo(10);
        assertThat(r.removed()).isEqualTo(3);
        assertThat(r.rules()).extracting(Backtest.RuleDiff::rule).startsWith("intensifier", "old");
        Backtest.RuleDiff intensifier = r.rules().get(0);
        assertThat(intensifier.liveFlags()).isZero();
        assertThat(intensifier.candidateFlags()).isEqualTo(10);
        assertThat(intensifier.added()).isEqualTo(10);
        assertThat(intensifier.addedSamples()).hasSize(2).allSatisfy(s -> {
            assertThat(s.comment().platform()).isEqualTo("loud");
            assertThat(s.term()).isEqualTo("vãi lồn");
            assertThat(s.comment().text().substring(s.start(), s.end())).isEqualTo("vl");
        });
        Backtest.RuleDiff old = r.rules().get(1);
        assertThat(old.removed()).isEqualTo(3);
        assertThat(old.candidate()).isNull();
        Backtest.RuleDiff gambling = r.rules().stream()
                .filter(d -> d.rule().equals("gambling"))
                .findFirst()
                .orElseThrow();
        assertThat(gambling.liveFlags()).isEqualTo(1);
        assertThat(gambling.candidateFlags()).isEqualTo(1);
        assertThat(gambling.added() + gambling.removed()).isZero();
    }

    @Test
    void samplesAreSpreadOverTheWholeReadAndRepeatable() {
        CompiledRuleSet live = set("live", QUIET), candidate = set("cand", GAMBLING);
        Backtest a = new Backtest(live, candidate, 5), b = new Backtest(live, candidate, 5);
        for (int i = 0; i < 1000; i++) {
            a.add(comment(i, "p", "nhà cái số " + i));
            b.add(comment(i, "p", "nhà cái số " + i));
        }
        List<Backtest.Sample> sa = a.report().rules().get(0).addedSamples();
        assertThat(sa).hasSize(5).isEqualTo(b.report().rules().get(0).addedSamples());
        assertThat(sa).anyMatch(s -> Integer.parseInt(s.comment().id().substring(1)) >= 500); // not just the first five
    }

    @Test
    void jsonLeavesOutRulesThatNeitherFlaggedNorChanged() {
        CompiledRuleSet live = set("live", GAMBLING, QUIET),
                candidate = set("cand", GAMBLING.withState(RuleState.SHADOW), QUIET);
        Backtest b = new Backtest(live, candidate, 1);
        b.add(comment(1, "p", "vào nhà cái đi"));
        JsonNode j = BacktestJson.of(
                b.report(),
                new BacktestJson.Range(
                        Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-01T01:00:00Z"),
                        null,
                        0,
                        false,
                        null));
        assertThat(j.get("live").get("version").asText()).isEqualTo("live");
        assertThat(j.get("candidate").get("version").asText()).isEqualTo("cand");
        assertThat(j.get("from").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(j.get("flagged").get("removed").asLong()).isEqualTo(1);
        assertThat(j.get("rules")).hasSize(1);
        JsonNode rule = j.get("rules").get(0);
        assertThat(rule.get("rule").asText()).isEqualTo("gambling");
        assertThat(rule.get("changed").asBoolean()).isTrue();
        assertThat(rule.get("live").get("state").asText()).isEqualTo("live");
        assertThat(rule.get("candidate").get("state").asText()).isEqualTo("shadow");
        JsonNode sample = rule.get("samples").get("removed").get(0);
        assertThat(sample.get("commentId").asText()).isEqualTo("c1");
        assertThat(sample.get("text").asText()).isEqualTo("vào nhà cái đi");
        assertThat(sample.has("userId")).isFalse(); // who wrote it is not the point of a backtest
    }
}

package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The oracle's judgement of synthetic flags and alerts, no broker: what counts as right, wrong, other-bad or missed. */
class OracleTest {
    static final String RUN = "lt1";
    static final long T0 = 1_000_000;
    Tally tally;
    Oracle oracle;
    List<Episode> episodes;
    long seq;

    /** Comments 1..100 benign (10 ms apart), 101..105 violations expecting a keyword flag, a flood, two campaigns. */
    @BeforeEach
    void plan() {
        tally = new Tally(1_000, 10);
        oracle = new Oracle(RUN, tally, text -> text.contains("nhà cái"));
        episodes = new ArrayList<>();
        for (int i = 0; i < 100; i++) comment(i % 4, Truth.BENIGN, -1, (byte) 0);
        for (int i = 0; i < 5; i++) comment(0, Truth.VIOLATION, -1, Truth.KEYWORD);
        Episode flood = episode(Episode.Kind.FLOOD, null);
        for (int i = 0; i < 8; i++) comment(1, Truth.FLOOD, flood.id, (byte) 0);
        for (int c = 0; c < 2; c++) {
            Episode camp = episode(Episode.Kind.CAMPAIGN, "ib zalo 09123456" + c + "8 nhận 500k");
            for (int stream = 0; stream < 4; stream++) comment(stream, Truth.SPAM, camp.id, Truth.PATTERN);
        }
        tally.planned(seq);
        tally.acked(1, (int) seq);
    }

    private Episode episode(Episode.Kind kind, String text) {
        Episode e = new Episode(episodes.size(), kind, text);
        episodes.add(e);
        return e;
    }

    private void comment(int stream, byte truth, int episode, byte expected) {
        long n = ++seq;
        tally.plan(new TrafficPlan.Planned(n, stream, "u" + n, "text " + n, truth, episode, expected), T0 + 10 * n);
        if (episode >= 0) {
            episodes.get(episode).planned++;
            episodes.get(episode).sent(n, stream, stream % 2);
        }
    }

    private static String id(long seq) {
        return RUN + "-" + seq;
    }

    private static Flag flag(long seq, String kind, String severity) {
        return Flag.builder("f-" + seq + kind, Flag.Kind.fromWire(kind))
                .comment("a", RUN + "-commerce-0", id(seq), "u", "t")
                .category("spam")
                .severity(Severity.fromWire(severity))
                .matches(List.of())
                .rulesVersion("v")
                .receivedAt(T0)
                .detectedAt(T0)
                .status(Flag.Status.OPEN)
                .build();
    }

    private static Alert alert(
            String id, String kind, String severity, List<Long> samples, String stream, long firstSeen) {
        return alert(id, kind, severity, samples, stream, firstSeen, "s");
    }

    private static Alert alert(
            String id,
            String kind,
            String severity,
            List<Long> samples,
            String stream,
            long firstSeen,
            String summary) {
        return Alert.builder(id, Alert.Kind.fromWire(kind)).stream("a", stream)
                .category("spam")
                .severity(Severity.fromWire(severity))
                .summary(summary)
                .count(3)
                .distinctUsers(3)
                .seen(firstSeen, firstSeen)
                .samples(samples.stream()
                        .map(s -> flag(s, "duplicate_flood", "medium"))
                        .toList())
                .rulesVersion("v")
                .state(Alert.State.OPEN)
                .detectedAt(firstSeen)
                .build();
    }

    private Signal judge() {
        return oracle.judge(episodes, LoadConfig.Thresholds.defaults());
    }

    private static Signal.RuleRow row(Signal s, String rule, String on) {
        return s.rules().stream()
                .filter(r -> r.rule().equals(rule) && r.on().equals(on))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void keywordAndPatternFlagsAreJudgedAgainstTheRuleSetPerComment() {
        for (long s = 101; s <= 104; s++) oracle.flag(s, "keyword", "high"); // 105 missed
        oracle.flag(7, "keyword", "low"); // a benign comment: wrong
        for (long s = 114; s <= 121; s++) oracle.flag(s, "pattern", "low"); // every campaign copy
        Signal s = judge();
        assertThat(row(s, "keyword", "flag")).extracting("tp", "fp", "fn").containsExactly(4L, 1L, 1L);
        assertThat(row(s, "keyword", "flag").precision()).isEqualTo(0.8);
        assertThat(row(s, "keyword", "flag").recall()).isEqualTo(0.8);
        assertThat(row(s, "pattern", "flag")).extracting("tp", "fp", "fn").containsExactly(8L, 0L, 0L);
        assertThat(s.benignFlags()).isEqualTo(1);
        assertThat(s.benignAboveLow()).isZero();
    }

    @Test
    void behaviourFlagsAreRightOnTheirEpisodeWrongOnBenignChatAndOtherBadElsewhere() {
        oracle.flag(110, "user_flood", "medium"); // the flood: caught
        oracle.flag(3, "user_flood", "medium"); // a benign viewer
        for (long s = 114; s <= 117; s++) oracle.flag(s, "duplicate_flood", "medium"); // campaign copies
        for (long s = 1; s <= 8; s++) oracle.flag(s, "duplicate_flood", "medium", () -> "chốt đơn"); // by many viewers
        oracle.flag(101, "duplicate_flood", "medium"); // a violation typed by many
        oracle.flag(118, "campaign", "high"); // second campaign flagged, first not
        Signal s = judge();
        assertThat(row(s, "user_flood", "flag"))
                .extracting("tp", "fp", "otherBad", "fn")
                .containsExactly(1L, 1L, 0L, 0L);
        assertThat(row(s, "user_flood", "flag").recall()).isEqualTo(1.0);
        assertThat(row(s, "duplicate_flood", "flag"))
                .extracting("tp", "fp", "otherBad")
                .containsExactly(4L, 8L, 1L);
        assertThat(row(s, "duplicate_flood", "flag").precision()).isEqualTo(4 / 12.0);
        assertThat(row(s, "campaign", "flag")).extracting("tp", "fn").containsExactly(1L, 1L);
        assertThat(s.benignFlags()).isEqualTo(9);
        assertThat(s.benignFlaggedComments()).isEqualTo(8);
        assertThat(s.benignComments()).isEqualTo(100);
        assertThat(s.benignFlagRate()).isEqualTo(0.09);
        assertThat(s.benignAboveLow()).isEqualTo(8);
        assertThat(s.benignFlagExamples()).isEqualTo(Map.of("duplicate_flood", List.of("chốt đơn (medium)")));
        assertThat(s.table()).contains("flagged duplicate_flood on benign chat: \"chốt đơn\" (medium)");
        assertThat(s.floods().recall()).isEqualTo(1.0);
    }

    @Test
    void alertsAreRightOnInjectedEpisodesWrongOnBenignChatAndCampaignsAreTimedFromTheirSpread() {
        long reach0 = tally.intendedAt[(int) episodes.get(1).reachSeq()],
                reach1 = tally.intendedAt[(int) episodes.get(2).reachSeq()];
        assertThat(episodes.get(1).reachSeq())
                .as("2 platforms at the second copy")
                .isEqualTo(115);
        oracle.alert(alert("c0", "campaign", "high", List.of(114L, 115L), null, 0), reach0 + 2_000);
        oracle.alert(
                alert("c0", "campaign", "critical", List.of(114L, 115L, 116L), null, 0),
                reach0 + 9_000); // grows, same id
        oracle.alert(alert("c1", "campaign", "high", List.of(118L, 119L), null, 0), reach1 + 15_000); // late
        oracle.alert(
                alert("benign-campaign", "campaign", "high", List.of(1L, 5L, 9L), null, 0), T0); // "xin giá" everywhere
        oracle.alert(
                alert("i1", "incident", "high", List.of(2L, 3L, 102L), RUN + "-commerce-0", 0),
                T0); // one violation among them
        oracle.alert(alert("i2", "incident", "medium", List.of(4L), RUN + "-music-1", 0), T0); // benign only
        oracle.alert(alert("spike", "stream_spike", "high", List.of(6L), RUN + "-commerce-0", 777), T0);
        oracle.streamFlag(Flag.builder("sf", Flag.Kind.STREAM_SPIKE)
                .platform("a")
                .streamId(RUN + "-commerce-0")
                .category("spam")
                .severity(Severity.HIGH)
                .matches(List.of())
                .rulesVersion("v")
                .receivedAt(777)
                .detectedAt(778)
                .status(Flag.Status.OPEN)
                .build());
        oracle.alert(alert("other-run", "campaign", "high", List.of(), "lt2-commerce-0", 0), T0); // not this run's
        Signal s = judge();
        assertThat(row(s, "campaign", "alert")).extracting("tp", "fp", "fn").containsExactly(2L, 1L, 0L);
        assertThat(row(s, "incident", "alert")).extracting("tp", "fp").containsExactly(1L, 1L);
        assertThat(row(s, "stream_spike", "alert")).extracting("tp", "fp").containsExactly(0L, 1L);
        assertThat(row(s, "stream_spike", "flag")).extracting("tp", "fp").containsExactly(0L, 1L);
        assertThat(s.benignAlerts()).isEqualTo(3);
        assertThat(s.campaigns())
                .extracting("injected", "alerted", "alertedWithin", "p50Millis", "maxMillis")
                .containsExactly(2L, 2L, 1L, 2_000L, 15_000L);
        assertThat(s.campaigns().withinShare()).isEqualTo(0.5);
        assertThat(s.alertsByKindSeverity())
                .isEqualTo(Map.of(
                        "campaign",
                        Map.of("critical", 1L, "high", 2L),
                        "incident",
                        Map.of("high", 1L, "medium", 1L),
                        "stream_spike",
                        Map.of("high", 1L)));
    }

    @Test
    void aCampaignAlertWhoseSamplesAreAnEarlierRunsIsJudgedByItsText() {
        String why = "same text in 4 streams on 2 platforms within 10 min (thresholds 3 streams or 2 platforms): ";
        Flag earlier = Flag.builder("f", Flag.Kind.CAMPAIGN)
                .comment("a", "lt0-commerce-1", "lt0-77", "u", "t")
                .category("spam")
                .severity(Severity.HIGH)
                .matches(List.of())
                .rulesVersion("v")
                .receivedAt(T0)
                .detectedAt(T0)
                .status(Flag.Status.OPEN)
                .build();
        List<Flag> sample = List.of(earlier);
        List<String> streams = List.of("a/lt0-commerce-1", "b/" + RUN + "-talk-3");
        Alert.Builder campaign = Alert.builder(null, Alert.Kind.CAMPAIGN)
                .platforms(List.of("a", "b"))
                .streams(streams)
                .severity(Severity.HIGH)
                .count(4)
                .distinctUsers(4)
                .seen(T0, T0)
                .samples(sample)
                .rulesVersion("v")
                .state(Alert.State.OPEN)
                .detectedAt(T0);
        oracle.alert(
                campaign.alertId("benign")
                        .category("spam")
                        .summary(why + "\"chốt đơn\"")
                        .build(),
                T0);
        oracle.alert(
                campaign.alertId("violation")
                        .category("gambling_ads")
                        .summary(why + "\"vào nhà cái uy tín nhận thưởng 100k\"")
                        .build(),
                T0);
        oracle.alert(
                campaign.alertId("ours")
                        .category("spam")
                        .summary(why + "\"ib zalo 0912345618 nhận 500k\"")
                        .build(),
                tally.intendedAt[119] + 3_000);
        Signal s = judge();
        assertThat(row(s, "campaign", "alert")).extracting("tp", "fp").containsExactly(2L, 1L);
        assertThat(s.benignAlerts()).isEqualTo(1);
        assertThat(s.benignAlertExamples())
                .singleElement()
                .asString()
                .startsWith("campaign (high): same text")
                .contains("\"chốt đơn\"");
        assertThat(s.table()).contains("alert on benign chat: campaign (high)");
        assertThat(s.campaigns().alerted()).isEqualTo(1);
        assertThat(s.unjudged()).isZero();
    }

    @Test
    void episodesWithCommentsTheGatewayDidNotAcceptAreNotJudged() {
        Tally partial = new Tally(1_000, 10);
        Oracle o = new Oracle(RUN, partial, text -> false);
        for (long s = 1; s <= seq; s++) {
            partial.plan(
                    new TrafficPlan.Planned(
                            s, 0, "u", "t", tally.truth[(int) s], tally.episode[(int) s], tally.expected[(int) s]),
                    T0);
        }
        partial.planned(seq);
        partial.acked(1, 110); // the flood's last comments and both campaigns were refused
        Signal s = o.judge(episodes, LoadConfig.Thresholds.defaults());
        assertThat(s.floods()).extracting("injected", "notJudged").containsExactly(0L, 1L);
        assertThat(s.campaigns()).extracting("injected", "notJudged").containsExactly(0L, 2L);
        assertThat(s.benignComments()).isEqualTo(100);
    }

    @Test
    void theVerdictFailsOnBenignFlagsBenignAlertsLateCampaignsOrMissedFloods() {
        LoadConfig.Thresholds th = LoadConfig.Thresholds.defaults();
        for (long s = 114; s <= 121; s++) oracle.flag(s, "pattern", "low");
        oracle.flag(110, "user_flood", "medium");
        oracle.alert(alert("c0", "campaign", "high", List.of(114L), null, 0), tally.intendedAt[115] + 1_000);
        oracle.alert(alert("c1", "campaign", "high", List.of(118L), null, 0), tally.intendedAt[119] + 1_000);
        Signal good = judge();
        assertThat(Verdict.failures(0, 0, 0, 0, good, th)).isEmpty();
        assertThat(Verdict.failures(1, 2, 3, 4, good, th)).hasSize(4);

        oracle.flag(1, "duplicate_flood", "medium");
        oracle.flag(2, "duplicate_flood", "medium"); // 2 of 100 benign comments: 2% > 1%
        oracle.alert(alert("benign", "incident", "medium", List.of(1L), RUN + "-commerce-0", 0), T0);
        Signal bad = judge();
        assertThat(Verdict.failures(0, 0, 0, 0, bad, th))
                .containsExactly("benign flag rate 2.00% above 1.00%", "1 alerts raised on benign chat (at most 0)");
        LoadConfig.Thresholds lenient = new LoadConfig.Thresholds(0.05, 1, 0.99, th.campaignAlertWithin(), 0.99);
        assertThat(Verdict.failures(0, 0, 0, 0, bad, lenient)).isEmpty();
    }

    @Test
    void aCampaignAlertAfterTheDeadlineOrAMissedFloodFailsTheVerdict() {
        oracle.alert(alert("c0", "campaign", "high", List.of(114L), null, 0), tally.intendedAt[115] + 11_000);
        Signal s = judge();
        assertThat(Verdict.failures(0, 0, 0, 0, s, LoadConfig.Thresholds.defaults()))
                .containsExactly(
                        "0.0% of spam campaigns alerted within 10 s (at least 99.0%)",
                        "0.0% of user floods flagged (at least 99.0%)");
        assertThat(s.campaigns().missedExamples())
                .containsExactly("ib zalo 0912345618 nhận 500k (4 streams, 2 platforms)");
    }
}

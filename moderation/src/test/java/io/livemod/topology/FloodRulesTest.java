package io.livemod.topology;

import static io.livemod.topology.Harness.comment;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.RateLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** User flood, duplicate flood and campaign at their default thresholds (5 in 10 s, 5 users in 60 s, 3 streams or 2 platforms). */
class FloodRulesTest {
    static final String SPAM = "vào link này nhận quà miễn phí ngay";
    final Harness h = new Harness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void fiveCommentsFromOneUserInTenSecondsAreNoFlood() {
        for (int i = 0; i < 5; i++)
            h.send(comment("p", "s1", "u1", "c" + i, "bình luận số " + i, Duration.ofSeconds(2L * i)));
        assertThat(h.flags(Flag.Kind.USER_FLOOD)).isEmpty();
    }

    @Test
    void theSixthCommentWithinTenSecondsIsAFloodFlaggedOnce() {
        for (int i = 0; i < 8; i++)
            h.send(comment("p", "s1", "u1", "c" + i, "bình luận số " + i, Duration.ofSeconds(i)));
        List<Flag> floods = h.flags(Flag.Kind.USER_FLOOD);
        assertThat(floods).singleElement().satisfies(f -> {
            assertThat(f.commentId()).isEqualTo("c5");
            assertThat(f.userId()).isEqualTo("u1");
            assertThat(f.rulesVersion()).isEqualTo("t-1");
            assertThat(f.matches()).singleElement().satisfies(m -> assertThat(m.term())
                    .contains("6 comments"));
        });
    }

    @Test
    void sixCommentsSpreadOverMoreThanTheWindowAreNoFlood() {
        for (int i = 0; i < 6; i++)
            h.send(comment("p", "s1", "u1", "c" + i, "bình luận số " + i, Duration.ofSeconds(3L * i)));
        assertThat(h.flags(Flag.Kind.USER_FLOOD)).isEmpty();
    }

    @Test
    void theSameUserInAnotherStreamIsCountedApart() {
        for (int i = 0; i < 6; i++) {
            h.send(comment("p", i % 2 == 0 ? "s1" : "s2", "u1", "c" + i, "bình luận số " + i, Duration.ofSeconds(i)));
        }
        assertThat(h.flags(Flag.Kind.USER_FLOOD)).isEmpty();
    }

    @Test
    void thresholdsComeFromTheActiveRuleSetAndChangeWithIt() {
        RateLimits d = RateLimits.DEFAULTS;
        h.rates(new RateLimits(
                2,
                Duration.ofSeconds(10),
                d.duplicateUsers(),
                d.duplicateWindow(),
                d.campaignStreams(),
                d.campaignPlatforms(),
                d.campaignWindow(),
                d.spikeFactor(),
                d.spikeMinimum(),
                d.offenderShortCount(),
                d.offenderShortWindow(),
                d.offenderLongCount(),
                d.offenderLongWindow()));
        for (int i = 0; i < 3; i++)
            h.send(comment("p", "s1", "u1", "c" + i, "bình luận số " + i, Duration.ofSeconds(i)));
        assertThat(h.flags(Flag.Kind.USER_FLOOD)).singleElement().satisfies(f -> assertThat(f.commentId())
                .isEqualTo("c2"));
    }

    @Test
    void fourUsersWithTheSameTextAreNoDuplicateFlood() {
        for (int u = 0; u < 4; u++) h.send(comment("p", "s1", "u" + u, "c" + u, SPAM, Duration.ofSeconds(u * 10L)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD)).isEmpty();
    }

    @Test
    void theFifthUserMakesADuplicateFloodAndEveryCopyIsFlagged() {
        for (int u = 0; u < 4; u++) h.send(comment("p", "s1", "u" + u, "c" + u, SPAM, Duration.ofSeconds(u * 10L)));
        // Spacing and case differ: the canonical text is the same.
        h.send(comment("p", "s1", "u4", "c4", "  VÀO link này   nhận quà miễn phí ngay", Duration.ofSeconds(45)));
        h.send(comment("p", "s1", "u5", "c5", SPAM, Duration.ofSeconds(50)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD))
                .extracting(Flag::commentId)
                .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4", "c5");
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD))
                .allSatisfy(f -> assertThat(f.category()).isEqualTo("spam"));
    }

    @Test
    void aFloodOfHundredsOfUsersFlagsEveryCopyAndEndsWhenTheWindowEmpties() {
        for (int u = 0; u < 300; u++) h.send(comment("p", "s1", "u" + u, "c" + u, SPAM, Duration.ofMillis(u * 100L)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD))
                .hasSize(300)
                .extracting(Flag::commentId)
                .doesNotHaveDuplicates();
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD).get(299).matches().get(0).term())
                .startsWith("at least ");
        // Two minutes later the window holds one user again: no flood, however many came before.
        h.send(comment("p", "s1", "late", "c-late", SPAM, Duration.ofMinutes(3)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD)).hasSize(300);
    }

    @Test
    void quietUsersAndTextsArePurgedWithinASecondOfLeavingTheirWindow() {
        // Risky copy (a prize), so each text is duplicate evidence.
        for (int u = 0; u < 5_000; u++)
            h.send(comment("p", "s" + u % 7, "u" + u, "c" + u, "nhận quà số " + u, Duration.ofMillis(u)));
        var users = h.driver.<String, long[]>getKeyValueStore(UserFloodProcessor.STORE);
        var texts = h.driver.<String, DuplicateProcessor.Watch>getKeyValueStore(DuplicateProcessor.STORE);
        assertThat(users.approximateNumEntries()).isEqualTo(5_000);
        assertThat(texts.approximateNumEntries()).isEqualTo(5_000);
        h.advance(Duration.ofSeconds(1)); // a purge before stream time moved: nothing is due
        assertThat(users.approximateNumEntries()).isEqualTo(5_000);
        h.send(comment(
                "p", "s0", "fresh", "c-fresh", "nhận quà mới nhất", Duration.ofMinutes(10))); // stream time moves on
        h.advance(Duration.ofSeconds(1));
        assertThat(users.approximateNumEntries()).isEqualTo(1);
        assertThat(texts.approximateNumEntries()).isEqualTo(1);
        assertThat(users.get("p/s0/fresh")).isNotNull();
    }

    @Test
    void aUserStillTalkingWhenFirstDueIsKeptAndPurgedOnceQuiet() {
        // Queued at 0 s; still talking at 70 s, when the 0 s entry falls due (10 s window + a minute late).
        h.send(comment("p", "s1", "talker", "c0", "xin chào cả nhà", Duration.ZERO));
        h.send(comment("p", "s1", "talker", "c1", "xin chào cả nhà lần nữa", Duration.ofSeconds(70)));
        h.send(comment("p", "s1", "other", "c2", "shop ơi còn hàng không", Duration.ofSeconds(75)));
        h.advance(Duration.ofSeconds(1));
        var users = h.driver.<String, long[]>getKeyValueStore(UserFloodProcessor.STORE);
        assertThat(users.get("p/s1/talker"))
                .as("still within its window at 75 s")
                .isNotNull();
        h.send(comment("p", "s1", "other", "c3", "shop ơi còn hàng không ạ", Duration.ofSeconds(150)));
        h.advance(Duration.ofSeconds(1));
        assertThat(users.get("p/s1/talker"))
                .as("quiet since 70 s, past 10 s + a minute at 150 s")
                .isNull();
        assertThat(users.get("p/s1/other")).isNotNull();
    }

    @Test
    void oneUserRepeatingItselfIsNoDuplicateFlood() {
        for (int i = 0; i < 5; i++) h.send(comment("p", "s1", "u1", "c" + i, SPAM, Duration.ofSeconds(i * 5L)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD)).isEmpty();
    }

    @Test
    void fiveUsersOverMoreThanAMinuteAreNoDuplicateFlood() {
        for (int u = 0; u < 5; u++) h.send(comment("p", "s1", "u" + u, "c" + u, SPAM, Duration.ofSeconds(u * 16L)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD)).isEmpty();
    }

    @Test
    void shortTextsAreNeverDuplicateEvidence() {
        for (int u = 0; u < 10; u++) h.send(comment("p", "s1", "u" + u, "c" + u, "hay quá", Duration.ofSeconds(u)));
        assertThat(h.flags(Flag.Kind.DUPLICATE_FLOOD)).isEmpty();
    }

    @Test
    void theSameTextInTwoStreamsOfOnePlatformIsNoCampaign() {
        h.send(comment("p", "s1", "u1", "c1", SPAM, Duration.ZERO));
        h.send(comment("p", "s2", "u2", "c2", SPAM, Duration.ofMinutes(1)));
        assertThat(h.alerts(Alert.Kind.CAMPAIGN)).isEmpty();
        assertThat(h.flags(Flag.Kind.CAMPAIGN)).isEmpty();
    }

    @Test
    void aThirdStreamMakesACampaignAlertAtOnceThatGrowsUnderOneId() {
        h.send(comment("p", "s1", "u1", "c1", SPAM, Duration.ZERO));
        h.send(comment("p", "s2", "u2", "c2", SPAM, Duration.ofMinutes(1)));
        h.send(comment("p", "s3", "u3", "c3", SPAM, Duration.ofMinutes(2)));
        List<Alert> first = h.alerts(Alert.Kind.CAMPAIGN);
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.streams()).containsExactlyInAnyOrder("p/s1", "p/s2", "p/s3");
            assertThat(a.platform()).isEqualTo("p");
            assertThat(a.count()).isEqualTo(3);
            assertThat(a.distinctUsers()).isEqualTo(3);
            assertThat(a.state()).isEqualTo(Alert.State.OPEN);
        });
        assertThat(h.flags(Flag.Kind.CAMPAIGN)).extracting(Flag::commentId).containsExactlyInAnyOrder("c1", "c2", "c3");
        h.send(comment("p", "s4", "u4", "c4", SPAM, Duration.ofMinutes(3)));
        List<Alert> all = h.alerts(Alert.Kind.CAMPAIGN);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(all.get(1).count()).isEqualTo(4);
    }

    @Test
    void twoPlatformsMakeACampaignThatNamesBoth() {
        h.send(comment("gapo", "s1", "u1", "c1", SPAM, Duration.ZERO));
        assertThat(h.alerts(Alert.Kind.CAMPAIGN)).isEmpty();
        h.send(comment("vng", "live-9", "x7", "k1", SPAM, Duration.ofMinutes(1)));
        assertThat(h.alerts(Alert.Kind.CAMPAIGN)).singleElement().satisfies(a -> {
            assertThat(a.platform()).isNull();
            assertThat(a.platforms()).containsExactly("gapo", "vng");
        });
    }

    @Test
    void aCampaignStillBeingSaidStaysOpen() {
        h.send(comment("gapo", "s1", "u1", "c1", SPAM, Duration.ZERO));
        h.send(comment("vng", "s1", "u2", "c2", SPAM, Duration.ZERO));
        h.advance(Duration.ofMinutes(8));
        h.send(comment("gapo", "s1", "u3", "c3", SPAM, Duration.ofMinutes(8)));
        h.advance(Duration.ofMinutes(8));
        assertThat(h.alerts(Alert.Kind.CAMPAIGN)).extracting(Alert::state).containsOnly(Alert.State.OPEN);
        h.advance(Duration.ofMinutes(3));
        assertThat(h.alerts(Alert.Kind.CAMPAIGN)).extracting(Alert::state).endsWith(Alert.State.CLOSED);
    }

    @Test
    void aQuietCampaignClosesOnTheWallClock() {
        h.send(comment("gapo", "s1", "u1", "c1", SPAM, Duration.ZERO));
        h.send(comment("vng", "s1", "u2", "c2", SPAM, Duration.ZERO));
        h.advance(Duration.ofMinutes(11));
        List<Alert> all = h.alerts(Alert.Kind.CAMPAIGN);
        assertThat(all).extracting(Alert::state).containsExactly(Alert.State.OPEN, Alert.State.CLOSED);
    }
}

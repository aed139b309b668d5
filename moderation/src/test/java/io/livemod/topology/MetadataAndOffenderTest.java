package io.livemod.topology;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream metadata rules and the repeat-offender rule of Decree 147/2024 (5 in 30 days, 10 in 90). */
class MetadataAndOffenderTest {
    final Harness h = new Harness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    static StreamEvent event(String type, String title, Long viewers, Boolean commercial, Boolean verified, Duration at) {
        return new StreamEvent("p", "e-" + at.toMillis(), "s1", type, "streamer-1", title, viewers, commercial, verified,
                "2026-11-28T19:00:00+07:00", Harness.START.plus(at).toEpochMilli());
    }

    static Decision remove(String id, Duration at) {
        return new Decision(id, "f-" + id, "p", "s1", "c-" + id, "u1", "remove", null, null, "mod-1",
                Harness.START.plus(at).toEpochMilli());
    }

    @Test
    void aTitleTheRulesFlagIsAMetadataFlagAndAlertOncePerTitle() {
        h.send(event("started", "Giao lưu cuối tuần", null, false, true, Duration.ZERO));
        assertThat(h.flags("metadata")).isEmpty();
        h.send(event("updated", "Kèo nhà cái hôm nay", null, false, true, Duration.ofMinutes(1)));
        h.send(event("viewers", "Kèo nhà cái hôm nay", 100L, false, true, Duration.ofMinutes(2)));
        assertThat(h.flags("metadata")).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("gambling_ads");
            assertThat(f.userId()).isEqualTo("streamer-1");
            assertThat(f.matches()).singleElement().satisfies(m -> assertThat(m.rule()).isEqualTo("gambling"));
        });
        assertThat(h.alerts("metadata")).hasSize(1);
    }

    @Test
    void aTitleIsCheckedAgainUnderANewRuleSetVersion() {
        h.send(event("started", "Xóc đĩa đêm nay", null, false, true, Duration.ZERO));
        assertThat(h.flags("metadata")).isEmpty();
        h.book.activate(io.livemod.rules.CompiledRuleSet.compile(Harness.rules(Harness.RULES
                .replace("t-1", "t-2").replace("[\"nhà cái\"]", "[\"nhà cái\", \"xóc đĩa\"]"))));
        h.send(event("viewers", "Xóc đĩa đêm nay", 120L, false, true, Duration.ofMinutes(1)));
        assertThat(h.flags("metadata")).singleElement().satisfies(f -> assertThat(f.rulesVersion()).isEqualTo("t-2"));
    }

    @Test
    void aCommercialStreamByAVerifiedStreamerIsFine() {
        h.send(event("started", "Bán hàng", null, true, true, Duration.ZERO));
        assertThat(h.flags("metadata")).isEmpty();
    }

    @Test
    void aCommercialStreamByAnUnverifiedStreamerIsFlaggedOnce() {
        h.send(event("started", "Bán hàng", null, true, false, Duration.ZERO));
        h.send(event("updated", "Bán hàng giá rẻ", null, true, null, Duration.ofMinutes(1)));
        assertThat(h.flags("metadata")).singleElement().satisfies(f -> assertThat(f.category()).isEqualTo("scam"));
    }

    @Test
    void viewersJustUnderFiveTimesTheLowestAreNoJump() {
        h.send(event("viewers", null, 250L, null, null, Duration.ZERO));
        h.send(event("viewers", null, 1249L, null, null, Duration.ofMinutes(2)));
        assertThat(h.flags("metadata")).isEmpty();
    }

    @Test
    void fiveTimesTheViewersWithinFiveMinutesIsAJump() {
        h.send(event("viewers", null, 250L, null, null, Duration.ZERO));
        h.send(event("viewers", null, 1250L, null, null, Duration.ofMinutes(2)));
        assertThat(h.flags("metadata")).singleElement().satisfies(f -> assertThat(f.matches().get(0).term()).contains("250 to 1250"));
    }

    @Test
    void aSmallStreamGrowingFiveFoldIsNoJump() {
        h.send(event("viewers", null, 20L, null, null, Duration.ZERO));
        h.send(event("viewers", null, 900L, null, null, Duration.ofMinutes(1)));
        assertThat(h.flags("metadata")).isEmpty();
    }

    @Test
    void fourRemovalsInThirtyDaysAreNoRepeatOffender() {
        for (int i = 0; i < 4; i++) h.send(remove("d" + i, Duration.ofDays(i * 5L)));
        assertThat(h.flags("repeat_offender")).isEmpty();
    }

    @Test
    void theFifthRemovalInThirtyDaysRecommendsALockOnce() {
        for (int i = 0; i < 6; i++) h.send(remove("d" + i, Duration.ofDays(i * 5L)));
        assertThat(h.flags("repeat_offender")).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo("u1");
            assertThat(f.matches().get(0).term()).contains("5 confirmed violations within 30 days");
        });
        assertThat(h.alerts("repeat_offender")).hasSize(1);
    }

    @Test
    void aReplayedDecisionIsNotCountedTwice() {
        for (int i = 0; i < 4; i++) h.send(remove("d" + i, Duration.ofDays(i)));
        h.send(remove("d3", Duration.ofDays(3)));
        assertThat(h.flags("repeat_offender")).isEmpty();
    }

    @Test
    void dismissalsAreNotViolations() {
        for (int i = 0; i < 6; i++) {
            Decision r = remove("d" + i, Duration.ofDays(i));
            h.send(new Decision(r.decisionId(), r.flagId(), r.platform(), r.streamId(), r.commentId(), r.userId(), "dismiss",
                    null, null, r.moderator(), r.decidedAt()));
        }
        assertThat(h.flags("repeat_offender")).isEmpty();
    }

    /** Every 8 days: never 5 within 30 days, so only the 90-day rule can fire. */
    @Test
    void nineRemovalsInNinetyDaysAreNoRepeatOffender() {
        for (int i = 0; i < 9; i++) h.send(remove("d" + i, Duration.ofDays(i * 8L)));
        assertThat(h.flags("repeat_offender")).isEmpty();
    }

    @Test
    void theTenthRemovalInNinetyDaysRecommendsALock() {
        for (int i = 0; i < 10; i++) h.send(remove("d" + i, Duration.ofDays(i * 8L)));
        assertThat(h.flags("repeat_offender")).extracting(Flag::matches)
                .singleElement().satisfies(m -> assertThat(m.get(0).term()).contains("10 confirmed violations within 90 days"));
    }
}

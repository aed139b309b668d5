package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stream metadata rules and the repeat-offender rule of Decree 147/2024 (5 in 30 days, 10 in 90). */
class MetadataAndOffenderTest {
    final Harness h = new Harness();

    @AfterEach
    void tearDown() {
        h.close();
    }

    static StreamEvent event(
            StreamEvent.Type type, String title, Long viewers, Boolean commercial, Boolean verified, Duration at) {
        return StreamEvent.builder("p", "e-" + at.toMillis(), type)
                .streamId("s1")
                .streamerId("streamer-1")
                .title(title)
                .viewers(viewers)
                .commercial(commercial)
                .streamerVerified(verified)
                .ts("2026-11-28T19:00:00+07:00")
                .receivedAt(Harness.START.plus(at).toEpochMilli())
                .build();
    }

    static Decision remove(String id, Duration at) {
        return Decision.builder(id, Decision.Action.REMOVE)
                .flagId("f-" + id)
                .platform("p")
                .streamId("s1")
                .commentId("c-" + id)
                .userId("u1")
                .moderator("mod-1")
                .decidedAt(Harness.START.plus(at).toEpochMilli())
                .build();
    }

    @Test
    void aTitleTheRulesFlagIsAMetadataFlagAndAlertOncePerTitle() {
        h.send(event(StreamEvent.Type.STARTED, "Giao lưu cuối tuần", null, false, true, Duration.ZERO));
        assertThat(h.flags(Flag.Kind.METADATA)).isEmpty();
        h.send(event(StreamEvent.Type.UPDATED, "Kèo nhà cái hôm nay", null, false, true, Duration.ofMinutes(1)));
        h.send(event(StreamEvent.Type.VIEWERS, "Kèo nhà cái hôm nay", 100L, false, true, Duration.ofMinutes(2)));
        assertThat(h.flags(Flag.Kind.METADATA)).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("gambling_ads");
            assertThat(f.userId()).isEqualTo("streamer-1");
            assertThat(f.matches()).singleElement().satisfies(m -> assertThat(m.rule())
                    .isEqualTo("gambling"));
        });
        assertThat(h.alerts(Alert.Kind.METADATA)).hasSize(1);
    }

    @Test
    void aTitleIsCheckedAgainUnderANewRuleSetVersion() {
        h.send(event(StreamEvent.Type.STARTED, "Xóc đĩa đêm nay", null, false, true, Duration.ZERO));
        assertThat(h.flags(Flag.Kind.METADATA)).isEmpty();
        h.book.activate(io.livemod.rules.CompiledRuleSet.compile(Harness.rules(
                Harness.RULES.replace("t-1", "t-2").replace("[\"nhà cái\"]", "[\"nhà cái\", \"xóc đĩa\"]"))));
        h.send(event(StreamEvent.Type.VIEWERS, "Xóc đĩa đêm nay", 120L, false, true, Duration.ofMinutes(1)));
        assertThat(h.flags(Flag.Kind.METADATA)).singleElement().satisfies(f -> assertThat(f.rulesVersion())
                .isEqualTo("t-2"));
    }

    @Test
    void aCommercialStreamByAVerifiedStreamerIsFine() {
        h.send(event(StreamEvent.Type.STARTED, "Bán hàng", null, true, true, Duration.ZERO));
        assertThat(h.flags(Flag.Kind.METADATA)).isEmpty();
    }

    @Test
    void aCommercialStreamByAnUnverifiedStreamerIsFlaggedOnce() {
        h.send(event(StreamEvent.Type.STARTED, "Bán hàng", null, true, false, Duration.ZERO));
        h.send(event(StreamEvent.Type.UPDATED, "Bán hàng giá rẻ", null, true, null, Duration.ofMinutes(1)));
        assertThat(h.flags(Flag.Kind.METADATA)).singleElement().satisfies(f -> assertThat(f.category())
                .isEqualTo("scam"));
    }

    @Test
    void viewersJustUnderFiveTimesTheLowestAreNoJump() {
        h.send(event(StreamEvent.Type.VIEWERS, null, 250L, null, null, Duration.ZERO));
        h.send(event(StreamEvent.Type.VIEWERS, null, 1249L, null, null, Duration.ofMinutes(2)));
        assertThat(h.flags(Flag.Kind.METADATA)).isEmpty();
    }

    @Test
    void fiveTimesTheViewersWithinFiveMinutesIsAJump() {
        h.send(event(StreamEvent.Type.VIEWERS, null, 250L, null, null, Duration.ZERO));
        h.send(event(StreamEvent.Type.VIEWERS, null, 1250L, null, null, Duration.ofMinutes(2)));
        assertThat(h.flags(Flag.Kind.METADATA))
                .singleElement()
                .satisfies(f -> assertThat(f.matches().get(0).term()).contains("250 to 1250"));
    }

    @Test
    void aSmallStreamGrowingFiveFoldIsNoJump() {
        h.send(event(StreamEvent.Type.VIEWERS, null, 20L, null, null, Duration.ZERO));
        h.send(event(StreamEvent.Type.VIEWERS, null, 900L, null, null, Duration.ofMinutes(1)));
        assertThat(h.flags(Flag.Kind.METADATA)).isEmpty();
    }

    @Test
    void fourRemovalsInThirtyDaysAreNoRepeatOffender() {
        for (int i = 0; i < 4; i++) h.send(remove("d" + i, Duration.ofDays(i * 5L)));
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER)).isEmpty();
    }

    @Test
    void theFifthRemovalInThirtyDaysRecommendsALockOnce() {
        for (int i = 0; i < 6; i++) h.send(remove("d" + i, Duration.ofDays(i * 5L)));
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER)).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo("u1");
            assertThat(f.matches().get(0).term()).contains("5 confirmed violations within 30 days");
        });
        assertThat(h.alerts(Alert.Kind.REPEAT_OFFENDER)).hasSize(1);
    }

    @Test
    void aReplayedDecisionIsNotCountedTwice() {
        for (int i = 0; i < 4; i++) h.send(remove("d" + i, Duration.ofDays(i)));
        h.send(remove("d3", Duration.ofDays(3)));
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER)).isEmpty();
    }

    @Test
    void dismissalsAreNotViolations() {
        for (int i = 0; i < 6; i++) {
            Decision r = remove("d" + i, Duration.ofDays(i));
            h.send(r.toBuilder().action(Decision.Action.DISMISS).build());
        }
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER)).isEmpty();
    }

    /** Every 8 days: never 5 within 30 days, so only the 90-day rule can fire. */
    @Test
    void nineRemovalsInNinetyDaysAreNoRepeatOffender() {
        for (int i = 0; i < 9; i++) h.send(remove("d" + i, Duration.ofDays(i * 8L)));
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER)).isEmpty();
    }

    @Test
    void theTenthRemovalInNinetyDaysRecommendsALock() {
        for (int i = 0; i < 10; i++) h.send(remove("d" + i, Duration.ofDays(i * 8L)));
        assertThat(h.flags(Flag.Kind.REPEAT_OFFENDER))
                .extracting(Flag::matches)
                .singleElement()
                .satisfies(m -> assertThat(m.get(0).term()).contains("10 confirmed violations within 90 days"));
    }
}

package io.livemod.topology;

import static io.livemod.topology.Harness.comment;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flags aggregate into incidents per platform, stream and category; stream spikes at 10 and 3x the
 * baseline. The mechanics are tested with every incident reportable from its first flag; the
 * thresholds that keep single flags from the ministry are in {@link SignalTest}.
 */
class IncidentsAndSpikesTest {
    final Harness h = new Harness(TopologySettings.DEFAULTS.withIncidentThresholds(1, 1));
    int seq;

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** One gambling flag from a user of its own, so no flood rule joins in. */
    void gamblingFlag(String stream, Duration at) {
        int n = seq++;
        h.send(comment("p", stream, "user-" + n, "c" + n, "nhà cái số " + n, at));
    }

    @Test
    void flagsOfOneStreamAndCategoryBecomeOneIncidentOnTheNextTick() {
        h.send(comment("p", "s1", "u1", "c1", "nhà cái uy tín", Duration.ZERO));
        h.send(comment("p", "s1", "u2", "c2", "vào nhà cái đi", Duration.ofSeconds(1)));
        h.send(comment("p", "s1", "u1", "c3", "nhà cái lần nữa", Duration.ofSeconds(2)));
        h.send(comment("p", "s2", "u3", "c4", "nhà cái ở đây", Duration.ofSeconds(2)));
        assertThat(h.alerts(Alert.Kind.INCIDENT)).isEmpty();
        h.advance(Duration.ofSeconds(5));
        List<Alert> incidents = h.alerts(Alert.Kind.INCIDENT);
        assertThat(incidents).hasSize(2);
        Alert s1 = incidents.stream()
                .filter(a -> a.streamId().equals("s1"))
                .findFirst()
                .orElseThrow();
        assertThat(s1.count()).isEqualTo(3);
        assertThat(s1.distinctUsers()).isEqualTo(2);
        assertThat(s1.category()).isEqualTo("gambling_ads");
        assertThat(s1.severity()).isEqualTo(Severity.HIGH);
        assertThat(s1.firstSeen()).isEqualTo(Harness.START.toEpochMilli());
        assertThat(s1.lastSeen()).isEqualTo(Harness.START.plusSeconds(2).toEpochMilli());
        assertThat(s1.samples()).hasSize(3);
        assertThat(s1.state()).isEqualTo(Alert.State.OPEN);
        assertThat(s1.rulesVersion()).isEqualTo("t-1");
    }

    @Test
    void aGrowingIncidentIsReEmittedUnderTheSameIdAndAQuietOneClosesOnTime() {
        h.send(comment("p", "s1", "u1", "c1", "nhà cái uy tín", Duration.ZERO));
        h.advance(Duration.ofSeconds(5));
        h.send(comment("p", "s1", "u2", "c2", "nhà cái nữa", Duration.ofSeconds(6)));
        h.advance(Duration.ofSeconds(5));
        h.advance(Duration.ofMinutes(9)); // no new flag: nothing to say, not yet idle long enough
        assertThat(h.alerts(Alert.Kind.INCIDENT)).extracting(Alert::count).containsExactly(1L, 2L);
        h.advance(Duration.ofMinutes(1)); // ten minutes after the last flag, with no record arriving at all
        List<Alert> all = h.alerts(Alert.Kind.INCIDENT);
        assertThat(all)
                .extracting(Alert::state)
                .containsExactly(Alert.State.OPEN, Alert.State.OPEN, Alert.State.CLOSED);
        assertThat(all).extracting(Alert::alertId).containsOnly(all.get(0).alertId());
    }

    Alert lastGambling() {
        List<Alert> all = h.alerts(Alert.Kind.INCIDENT).stream()
                .filter(a -> a.category().equals("gambling_ads"))
                .toList();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @Test
    void usersAreCountedOncePerIncidentListedUpToFiftyAndForgottenWhenItCloses() { // 60 users flag twice, a minute
        // apart
        for (int i = 0; i < 60; i++)
            h.send(comment("p", "s1", "user-" + i, "a" + i, "nhà cái số " + i, Duration.ofSeconds(i)));
        for (int i = 0; i < 60; i++)
            h.send(comment("p", "s1", "user-" + i, "b" + i, "nhà cái lần " + i, Duration.ofSeconds(60 + i)));
        h.advance(Duration.ofMinutes(2));
        Alert grown = lastGambling();
        assertThat(grown.count()).isEqualTo(120);
        assertThat(grown.distinctUsers()).isEqualTo(60);
        assertThat(grown.userIds())
                .hasSize(Incidents.LISTED_USERS)
                .startsWith("user-0", "user-1")
                .doesNotContain("user-50");
        assertThat(grown.samples()).extracting(f -> f.commentId()).containsExactly("a0", "a1", "a2", "a3", "a4");

        h.advance(Duration.ofMinutes(11)); // idle: closed
        assertThat(lastGambling().state()).isEqualTo(Alert.State.CLOSED);
        h.send(comment("p", "s1", "user-0", "c0", "nhà cái lần nữa", Duration.ofMinutes(14)));
        h.advance(Duration.ofSeconds(5));
        Alert next = lastGambling();
        assertThat(next.alertId()).isNotEqualTo(grown.alertId());
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.distinctUsers()).isEqualTo(1);
        assertThat(next.userIds()).containsExactly("user-0");
    }

    @Test
    void aCriticalFlagAlertsAtOnceWithoutWaitingForTheTick() {
        h.send(comment("p", "s1", "u1", "c1", "giết hết bọn nó", Duration.ZERO));
        assertThat(h.alerts(Alert.Kind.INCIDENT)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.category()).isEqualTo("violence");
        });
    }

    @Test
    void nineFlagsInAMinuteOfANewStreamAreNoSpike() {
        for (int i = 0; i < 9; i++) gamblingFlag("s1", Duration.ofSeconds(i * 5L));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).isEmpty();
    }

    @Test
    void aNewStreamHasNoBaselineSoNoSpikeHoweverManyFlags() {
        for (int i = 0; i < 40; i++) gamblingFlag("s1", Duration.ofSeconds(i));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).isEmpty();
    }

    @Test
    void theTenthFlagInAMinuteIsASpikeAlertAndAFlagForModerators() {
        gamblingFlag("s1", Duration.ZERO); // the stream's first flag: its baseline starts here
        for (int i = 0; i < 9; i++) gamblingFlag("s1", Duration.ofMinutes(10).plusSeconds(i * 5L));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).isEmpty();
        gamblingFlag("s1", Duration.ofMinutes(10).plusSeconds(50));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(10);
            assertThat(a.streamId()).isEqualTo("s1");
            assertThat(a.severity()).as("the worst open incident's").isEqualTo(Severity.HIGH);
        });
        assertThat(h.flags(Flag.Kind.STREAM_SPIKE)).singleElement().satisfies(f -> assertThat(f.streamId())
                .isEqualTo("s1"));
    }

    /** Ten minutes at 5 flags a minute: the threshold is then 3 x 5 = 15, not 10. */
    void baselineOfFivePerMinute() {
        for (int m = 0; m < 10; m++) {
            for (int i = 0; i < 5; i++) gamblingFlag("s1", Duration.ofMinutes(m).plusSeconds(i));
        }
    }

    @Test
    void fourteenFlagsAboveABaselineOfFiveAreNoSpike() {
        baselineOfFivePerMinute();
        for (int i = 0; i < 14; i++) gamblingFlag("s1", Duration.ofMinutes(10).plusSeconds(i));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).isEmpty();
    }

    @Test
    void fifteenFlagsAboveABaselineOfFiveAreASpike() {
        baselineOfFivePerMinute();
        for (int i = 0; i < 15; i++) gamblingFlag("s1", Duration.ofMinutes(10).plusSeconds(i));
        assertThat(h.alerts(Alert.Kind.STREAM_SPIKE)).singleElement().satisfies(a -> assertThat(a.count())
                .isEqualTo(15));
    }
}

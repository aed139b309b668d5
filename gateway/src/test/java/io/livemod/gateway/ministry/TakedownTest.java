package io.livemod.gateway.ministry;

import io.livemod.event.TakedownEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TakedownTest {
    static final long H = 3_600_000L;

    static TakedownEvent ev(String type, long at) {
        return new TakedownEvent(type + at, "td-1", type, "p", "s", null, "r", "l", "o-1", "n", at, 24 * H);
    }

    @Test
    void statusFollowsTheDeadline() {
        Takedown t = Takedown.fold(null, ev("requested", 0));
        assertThat(t.status(24 * H)).isEqualTo("open");
        assertThat(t.status(24 * H + 1)).isEqualTo("overdue");
        Takedown done = Takedown.fold(t, ev("done", 3 * H));
        assertThat(done.status(100 * H)).isEqualTo("done");
        assertThat(done.late()).isFalse();
    }

    @Test
    void doneAfterTheDeadlineIsLateAndKeepsTheOverdueMark() {
        Takedown marked = Takedown.fold(Takedown.fold(null, ev("requested", 0)), ev("overdue", 25 * H));
        Takedown done = Takedown.fold(marked, ev("done", 30 * H));
        assertThat(done.late()).isTrue();
        assertThat(done.overdueMarkedAt()).isEqualTo(25 * H);
        assertThat(Takedown.fold(done, ev("done", 40 * H)).doneAt()).as("answered twice: the first answer stands").isEqualTo(30 * H);
        assertThat(Takedown.fold(done, ev("requested", 50 * H)).requestedAt()).isZero();
    }

    @Test
    void stepsWithoutTheRequestAreIgnored() {
        assertThat(Takedown.fold(null, ev("done", 1))).isNull();
        assertThat(Takedown.fold(null, ev("overdue", 1))).isNull();
    }
}

package io.livemod.gateway.ministry;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.TakedownEvent;
import org.junit.jupiter.api.Test;

class TakedownTest {
    static final long H = 3_600_000L;

    static TakedownEvent ev(TakedownEvent.Type type, long at) {
        return TakedownEvent.builder(type.wire() + at, "td-1", type)
                .platform("p")
                .streamId("s")
                .reason("r")
                .legalBasis("l")
                .actor("o-1")
                .note("n")
                .at(at)
                .deadline(24 * H)
                .build();
    }

    @Test
    void statusFollowsTheDeadline() {
        Takedown t = Takedown.fold(null, ev(TakedownEvent.Type.REQUESTED, 0));
        assertThat(t.status(24 * H)).isEqualTo("open");
        assertThat(t.status(24 * H + 1)).isEqualTo("overdue");
        Takedown done = Takedown.fold(t, ev(TakedownEvent.Type.DONE, 3 * H));
        assertThat(done.status(100 * H)).isEqualTo("done");
        assertThat(done.late()).isFalse();
    }

    @Test
    void doneAfterTheDeadlineIsLateAndKeepsTheOverdueMark() {
        Takedown marked = Takedown.fold(
                Takedown.fold(null, ev(TakedownEvent.Type.REQUESTED, 0)), ev(TakedownEvent.Type.OVERDUE, 25 * H));
        Takedown done = Takedown.fold(marked, ev(TakedownEvent.Type.DONE, 30 * H));
        assertThat(done.late()).isTrue();
        assertThat(done.overdueMarkedAt()).isEqualTo(25 * H);
        assertThat(Takedown.fold(done, ev(TakedownEvent.Type.DONE, 40 * H)).doneAt())
                .as("answered twice: the first answer stands")
                .isEqualTo(30 * H);
        assertThat(Takedown.fold(done, ev(TakedownEvent.Type.REQUESTED, 50 * H)).requestedAt())
                .isZero();
    }

    @Test
    void stepsWithoutTheRequestAreIgnored() {
        assertThat(Takedown.fold(null, ev(TakedownEvent.Type.DONE, 1))).isNull();
        assertThat(Takedown.fold(null, ev(TakedownEvent.Type.OVERDUE, 1))).isNull();
    }
}

package io.livemod.gateway.ministry;

import io.livemod.event.AlertAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertStateTest {
    static AlertAction act(String id, String action, String actor, long at) {
        return new AlertAction(id, "a-1", action, actor, "assign".equals(action) ? "o-2" : null, "resolve".equals(action) ? "done" : null, at);
    }

    @Test
    void ackAssignResolveMoveTheStatus() {
        AlertState s = AlertState.initial("a-1").apply(act("1", "ack", "o-1", 10)).apply(act("2", "assign", "o-1", 20)).apply(act("3", "resolve", "o-2", 30));
        assertThat(s.status()).isEqualTo("resolved");
        assertThat(s.ackedBy()).isEqualTo("o-1");
        assertThat(s.ackedAt()).isEqualTo(10);
        assertThat(s.assignee()).isEqualTo("o-2");
        assertThat(s.resolvedBy()).isEqualTo("o-2");
        assertThat(s.resolution()).isEqualTo("done");
        assertThat(s.history()).extracting(AlertAction::actionId).containsExactly("1", "2", "3");
    }

    @Test
    void aSecondAckKeepsTheFirstAcknowledgerAndLateActionsOnlyJoinTheHistory() {
        AlertState s = AlertState.initial("a-1").apply(act("1", "ack", "o-1", 10)).apply(act("2", "ack", "o-2", 11));
        assertThat(s.ackedBy()).isEqualTo("o-1");
        AlertState r = s.apply(act("3", "resolve", "o-1", 12)).apply(act("4", "assign", "o-3", 13)).apply(act("5", "ack", "o-3", 14));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.assignee()).isNull();
        assertThat(r.history()).hasSize(5);
    }

    @Test
    void reescalationCountsOnlyWhileOpenAndTheSameIdAppliesOnce() {
        AlertAction first = act("a-1/reescalate/1", "reescalate", "system", 100);
        AlertState s = AlertState.initial("a-1").apply(first).apply(first);
        assertThat(s.reescalations()).isEqualTo(1);
        assertThat(s.lastReescalatedAt()).isEqualTo(100);
        assertThat(s.history()).hasSize(1);
        AlertState acked = s.apply(act("x", "ack", "o-1", 150)).apply(act("a-1/reescalate/2", "reescalate", "system", 200));
        assertThat(acked.reescalations()).isEqualTo(1);
    }
}

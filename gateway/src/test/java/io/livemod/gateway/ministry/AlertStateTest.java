package io.livemod.gateway.ministry;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.AlertAction;
import org.junit.jupiter.api.Test;

class AlertStateTest {
    static AlertAction act(String id, AlertAction.Action action, String actor, long at) {
        return new AlertAction(
                id,
                "a-1",
                action,
                actor,
                action == AlertAction.Action.ASSIGN ? "o-2" : null,
                action == AlertAction.Action.RESOLVE ? "done" : null,
                at);
    }

    @Test
    void ackAssignResolveMoveTheStatus() {
        AlertState s = AlertState.initial("a-1")
                .apply(act("1", AlertAction.Action.ACK, "o-1", 10))
                .apply(act("2", AlertAction.Action.ASSIGN, "o-1", 20))
                .apply(act("3", AlertAction.Action.RESOLVE, "o-2", 30));
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
        AlertState s = AlertState.initial("a-1")
                .apply(act("1", AlertAction.Action.ACK, "o-1", 10))
                .apply(act("2", AlertAction.Action.ACK, "o-2", 11));
        assertThat(s.ackedBy()).isEqualTo("o-1");
        AlertState r = s.apply(act("3", AlertAction.Action.RESOLVE, "o-1", 12))
                .apply(act("4", AlertAction.Action.ASSIGN, "o-3", 13))
                .apply(act("5", AlertAction.Action.ACK, "o-3", 14));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.assignee()).isNull();
        assertThat(r.history()).hasSize(5);
    }

    @Test
    void reescalationCountsOnlyWhileOpenAndTheSameIdAppliesOnce() {
        AlertAction first = act("a-1/reescalate/1", AlertAction.Action.REESCALATE, "system", 100);
        AlertState s = AlertState.initial("a-1").apply(first).apply(first);
        assertThat(s.reescalations()).isEqualTo(1);
        assertThat(s.lastReescalatedAt()).isEqualTo(100);
        assertThat(s.history()).hasSize(1);
        AlertState acked = s.apply(act("x", AlertAction.Action.ACK, "o-1", 150))
                .apply(act("a-1/reescalate/2", AlertAction.Action.REESCALATE, "system", 200));
        assertThat(acked.reescalations()).isEqualTo(1);
    }
}

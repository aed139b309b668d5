package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A duty officer's action on an alert, or the system's re-escalation of an unacknowledged one.
 * {@code assignee} is set for assign, {@code note}
 * is required for resolve. Keyed by alertId, so an alert's actions stay in order. The gateway folds
 * them over the alert to get its officer status (open, acked, resolved); {@code actionId} is
 * deterministic for re-escalations ({@code alertId/reescalate/n}), so two gateways racing to
 * re-escalate the same alert record it once in effect.
 */
public record AlertAction(
        String actionId, String alertId, Action action, String actor, String assignee, String note, long at) {

    /** What was done; on the wire the lower-case name. */
    public enum Action {
        ACK,
        ASSIGN,
        RESOLVE,
        REESCALATE;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static Action fromWire(String s) {
            return Wire.parse(Action.class, "action", s);
        }
    }
}

package io.livemod.event;

/**
 * A duty officer's action on an alert, or the system's re-escalation of an unacknowledged one.
 * {@code action} is ack|assign|resolve|reescalate; {@code assignee} is set for assign, {@code note}
 * is required for resolve. Keyed by alertId, so an alert's actions stay in order. The gateway folds
 * them over the alert to get its officer status (open, acked, resolved); {@code actionId} is
 * deterministic for re-escalations ({@code alertId/reescalate/n}), so two gateways racing to
 * re-escalate the same alert record it once in effect.
 */
public record AlertAction(String actionId, String alertId, String action, String actor, String assignee,
                          String note, long at) {
}

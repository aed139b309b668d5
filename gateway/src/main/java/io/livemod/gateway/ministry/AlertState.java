package io.livemod.gateway.ministry;

import io.livemod.event.AlertAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The officers' side of one alert, folded from its actions in topic order: status open, acked or
 * resolved, who acknowledged, who it is assigned to, the resolution note, how often it was
 * escalated again, and the full history. Folding is deterministic, so every gateway and every
 * rebuild arrives at the same state.
 */
public record AlertState(
        String alertId,
        String status,
        String ackedBy,
        Long ackedAt,
        String assignee,
        String assignedBy,
        Long assignedAt,
        String resolvedBy,
        Long resolvedAt,
        String resolution,
        int reescalations,
        Long lastReescalatedAt,
        List<AlertAction> history) {
    public static final String OPEN = "open";
    public static final String ACKED = "acked";
    public static final String RESOLVED = "resolved";

    public AlertState {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static AlertState initial(String alertId) {
        return new AlertState(alertId, OPEN, null, null, null, null, null, null, null, null, 0, null, List.of());
    }

    /** The state after one more action. Actions that no longer apply (an ack after a resolve) only join the history. */
    public AlertState apply(AlertAction a) {
        List<AlertAction> h = new ArrayList<>(history);
        if (h.stream().anyMatch(x -> x.actionId().equals(a.actionId()))) return this; // replayed or written twice
        h.add(a);
        return switch (a.action()) {
            case ACK ->
                OPEN.equals(status)
                        ? new AlertState(
                                alertId,
                                ACKED,
                                a.actor(),
                                a.at(),
                                assignee,
                                assignedBy,
                                assignedAt,
                                null,
                                null,
                                null,
                                reescalations,
                                lastReescalatedAt,
                                h)
                        : with(h);
            case ASSIGN ->
                RESOLVED.equals(status)
                        ? with(h)
                        : new AlertState(
                                alertId,
                                status,
                                ackedBy,
                                ackedAt,
                                a.assignee(),
                                a.actor(),
                                a.at(),
                                null,
                                null,
                                null,
                                reescalations,
                                lastReescalatedAt,
                                h);
            case RESOLVE ->
                RESOLVED.equals(status)
                        ? with(h)
                        : new AlertState(
                                alertId,
                                RESOLVED,
                                ackedBy,
                                ackedAt,
                                assignee,
                                assignedBy,
                                assignedAt,
                                a.actor(),
                                a.at(),
                                a.note(),
                                reescalations,
                                lastReescalatedAt,
                                h);
            case REESCALATE ->
                OPEN.equals(status)
                        ? new AlertState(
                                alertId,
                                status,
                                ackedBy,
                                ackedAt,
                                assignee,
                                assignedBy,
                                assignedAt,
                                resolvedBy,
                                resolvedAt,
                                resolution,
                                reescalations + 1,
                                a.at(),
                                h)
                        : with(h);
        };
    }

    private AlertState with(List<AlertAction> h) {
        return new AlertState(
                alertId,
                status,
                ackedBy,
                ackedAt,
                assignee,
                assignedBy,
                assignedAt,
                resolvedBy,
                resolvedAt,
                resolution,
                reescalations,
                lastReescalatedAt,
                h);
    }
}

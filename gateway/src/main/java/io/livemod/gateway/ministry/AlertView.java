package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.AlertAction;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.util.List;

/**
 * An alert as a duty officer sees it: the topology's content ({@code state} open/closed is the
 * incident's), the officers' {@code status} (open, acked, resolved) and history, and user ids
 * pseudonymized unless a moderator escalated the user or one of the alert's flags ({@code escalated}).
 * {@code claimId} and {@code perMinute} (matches per minute, the last hour) are set on false-claim alerts only.
 */
public record AlertView(
        String alertId,
        Alert.Kind kind,
        String platform,
        List<String> platforms,
        String streamId,
        List<String> streams,
        String category,
        Severity severity,
        String summary,
        long count,
        long distinctUsers,
        long firstSeen,
        long lastSeen,
        long detectedAt,
        long openedAt,
        String rulesVersion,
        Alert.State state,
        String status,
        boolean escalated,
        List<String> userIds,
        List<Flag> samples,
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
        List<AlertAction> history,
        String claimId,
        List<Alert.MinuteCount> perMinute) {

    /** @param summary the alert's summary as the officer may read it (ids pseudonymized) */
    static AlertView of(
            Alert a,
            String summary,
            long openedAt,
            AlertState s,
            boolean escalated,
            List<String> userIds,
            List<Flag> samples) {
        return new AlertView(
                a.alertId(),
                a.kind(),
                a.platform(),
                a.platforms(),
                a.streamId(),
                a.streams(),
                a.category(),
                a.severity(),
                summary,
                a.count(),
                a.distinctUsers(),
                a.firstSeen(),
                a.lastSeen(),
                a.detectedAt(),
                openedAt,
                a.rulesVersion(),
                a.state(),
                s.status(),
                escalated,
                userIds,
                samples,
                s.ackedBy(),
                s.ackedAt(),
                s.assignee(),
                s.assignedBy(),
                s.assignedAt(),
                s.resolvedBy(),
                s.resolvedAt(),
                s.resolution(),
                s.reescalations(),
                s.lastReescalatedAt(),
                s.history(),
                a.claimId(),
                a.perMinute());
    }

    int severityRank() {
        return AlertBoard.severityRank(severity);
    }
}

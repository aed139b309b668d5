package io.livemod.event;

import java.util.List;

/**
 * A flagged comment or user, in the contract's shape. The flags topic carries them as produced
 * ({@code status} "open"); the gateway's projection tracks claims and decisions on top.
 */
public record Flag(String flagId, String platform, String streamId, String commentId, String userId,
                   String text, String kind, String category, String severity, List<FlagMatch> matches,
                   String rulesVersion, long receivedAt, long detectedAt, String status) {

    public Flag withStatus(String newStatus) {
        return new Flag(flagId, platform, streamId, commentId, userId, text, kind, category, severity,
                matches, rulesVersion, receivedAt, detectedAt, newStatus);
    }
}

package io.livemod.event;

import java.util.List;

/**
 * A flagged comment or user, in the contract's shape. The flags topic carries them as produced
 * ({@code status} "open"); the gateway's projection tracks claims and decisions on top.
 * {@code claimId} and {@code score} are set on {@code false_claim} flags only (the registered false
 * claim the text repeats, and the matcher's verification score); null, and absent from JSON, otherwise.
 */
public record Flag(String flagId, String platform, String streamId, String commentId, String userId,
                   String text, String kind, String category, String severity, List<FlagMatch> matches,
                   String rulesVersion, long receivedAt, long detectedAt, String status, String claimId, Double score) {

    /** A flag that is not about a registered false claim. */
    public Flag(String flagId, String platform, String streamId, String commentId, String userId,
                String text, String kind, String category, String severity, List<FlagMatch> matches,
                String rulesVersion, long receivedAt, long detectedAt, String status) {
        this(flagId, platform, streamId, commentId, userId, text, kind, category, severity, matches, rulesVersion,
                receivedAt, detectedAt, status, null, null);
    }

    public Flag withStatus(String newStatus) {
        return new Flag(flagId, platform, streamId, commentId, userId, text, kind, category, severity,
                matches, rulesVersion, receivedAt, detectedAt, newStatus, claimId, score);
    }
}

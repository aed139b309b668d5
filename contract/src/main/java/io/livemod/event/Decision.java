package io.livemod.event;

/**
 * A moderator's decision on a flag: the audit trail, and the input of the repeat-offender rule
 * (a {@code remove} is a confirmed violation). {@code action} is remove|dismiss|warn|timeout|ban|escalate.
 */
public record Decision(String decisionId, String flagId, String platform, String streamId, String commentId,
                       String userId, String action, String note, Long durationSeconds, String moderator,
                       long decidedAt) {

    /** Keyed by platform/user, so one user's decisions are ordered and co-partitioned for the offender count. */
    public String key() {
        return platform + "/" + userId;
    }
}

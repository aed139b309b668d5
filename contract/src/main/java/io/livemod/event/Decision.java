package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A moderator's decision on a flag: the audit trail, and the input of the repeat-offender rule
 * (a {@code remove} is a confirmed violation). Built with {@link #builder}.
 */
public record Decision(
        String decisionId,
        String flagId,
        String platform,
        String streamId,
        String commentId,
        String userId,
        Action action,
        String note,
        Long durationSeconds,
        String moderator,
        long decidedAt) {

    /** What the moderator decided; on the wire the lower-case name. */
    public enum Action {
        REMOVE,
        DISMISS,
        WARN,
        TIMEOUT,
        BAN,
        ESCALATE;

        /** Computed once: decisions are counted by action. */
        private final String wire = Wire.name(this);

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Action fromWire(String s) {
            return Wire.parse(Action.class, "action", s);
        }
    }

    /** A decision with this id and action; every other field is set by name. */
    public static Builder builder(String decisionId, Action action) {
        return new Builder().decisionId(decisionId).action(action);
    }

    /** A builder holding this decision's fields, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .decisionId(decisionId)
                .flagId(flagId)
                .platform(platform)
                .streamId(streamId)
                .commentId(commentId)
                .userId(userId)
                .action(action)
                .note(note)
                .durationSeconds(durationSeconds)
                .moderator(moderator)
                .decidedAt(decidedAt);
    }

    /** Keyed by platform/user, so one user's decisions are ordered and co-partitioned for the offender count. */
    public String key() {
        return platform + "/" + userId;
    }

    /** Sets a decision's fields by name; unset fields are null (0 for decidedAt). */
    public static final class Builder {
        private String decisionId, flagId, platform, streamId, commentId, userId, note, moderator;
        private Action action;
        private Long durationSeconds;
        private long decidedAt;

        private Builder() {}

        public Builder decisionId(String v) {
            decisionId = v;
            return this;
        }

        public Builder flagId(String v) {
            flagId = v;
            return this;
        }

        public Builder platform(String v) {
            platform = v;
            return this;
        }

        public Builder streamId(String v) {
            streamId = v;
            return this;
        }

        public Builder commentId(String v) {
            commentId = v;
            return this;
        }

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        /** The flag decided on: its id, platform, stream, comment and user. */
        public Builder flag(Flag f) {
            return flagId(f.flagId())
                    .platform(f.platform())
                    .streamId(f.streamId())
                    .commentId(f.commentId())
                    .userId(f.userId());
        }

        public Builder action(Action v) {
            action = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }
        /** Set for a timeout only. */
        public Builder durationSeconds(Long v) {
            durationSeconds = v;
            return this;
        }

        public Builder moderator(String v) {
            moderator = v;
            return this;
        }

        public Builder decidedAt(long v) {
            decidedAt = v;
            return this;
        }

        public Decision build() {
            return new Decision(
                    decisionId,
                    flagId,
                    platform,
                    streamId,
                    commentId,
                    userId,
                    action,
                    note,
                    durationSeconds,
                    moderator,
                    decidedAt);
        }
    }
}

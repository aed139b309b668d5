package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One step of a takedown request (Decree 147/2024: the platform has 24 hours): {@code type}
 * requested (by an officer: platform, streamId or commentId, reason, legalBasis, deadline),
 * done (by the platform, with its note) or overdue (marked by the gateway once the deadline passed
 * without an answer). Keyed by takedownId; the gateway folds the steps into the request's state.
 * Built with {@link #builder}.
 */
public record TakedownEvent(
        String eventId,
        String takedownId,
        Type type,
        String platform,
        String streamId,
        String commentId,
        String reason,
        String legalBasis,
        String actor,
        String note,
        long at,
        long deadline) {

    /** The step; on the wire the lower-case name. */
    public enum Type {
        REQUESTED,
        DONE,
        OVERDUE;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static Type fromWire(String s) {
            return Wire.parse(Type.class, "type", s);
        }
    }

    /** A step of {@code type}, with this event id, of this takedown; every other field is set by name. */
    public static Builder builder(String eventId, String takedownId, Type type) {
        return new Builder().eventId(eventId).takedownId(takedownId).type(type);
    }

    /** Sets a takedown step's fields by name; unset fields are null (0 for the times). */
    public static final class Builder {
        private String eventId, takedownId, platform, streamId, commentId, reason, legalBasis, actor, note;
        private Type type;
        private long at, deadline;

        private Builder() {}

        public Builder eventId(String v) {
            eventId = v;
            return this;
        }

        public Builder takedownId(String v) {
            takedownId = v;
            return this;
        }

        public Builder type(Type v) {
            type = v;
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

        public Builder reason(String v) {
            reason = v;
            return this;
        }

        public Builder legalBasis(String v) {
            legalBasis = v;
            return this;
        }

        public Builder actor(String v) {
            actor = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }
        /** When the step happened, epoch ms. */
        public Builder at(long v) {
            at = v;
            return this;
        }
        /** When the platform's answer is due, epoch ms. */
        public Builder deadline(long v) {
            deadline = v;
            return this;
        }

        public TakedownEvent build() {
            return new TakedownEvent(
                    eventId,
                    takedownId,
                    type,
                    platform,
                    streamId,
                    commentId,
                    reason,
                    legalBasis,
                    actor,
                    note,
                    at,
                    deadline);
        }
    }
}

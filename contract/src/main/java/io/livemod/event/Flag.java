package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.livemod.rules.RuleKind;
import io.livemod.rules.Severity;
import java.util.List;

/**
 * A flagged comment or user, in the contract's shape. The flags topic carries them as produced
 * ({@code status} "open"); the gateway's projection tracks claims and decisions on top.
 * {@code claimId} and {@code score} are set on {@code false_claim} flags only (the registered false
 * claim the text repeats, and the matcher's verification score); null, and absent from JSON, otherwise.
 * Built with {@link #builder}: sixteen fields are too many to pass by position.
 */
public record Flag(
        String flagId,
        String platform,
        String streamId,
        String commentId,
        String userId,
        String text,
        Kind kind,
        String category,
        Severity severity,
        List<FlagMatch> matches,
        String rulesVersion,
        long receivedAt,
        long detectedAt,
        Status status,
        String claimId,
        Double score) {

    /**
     * What raised the flag: a rule's words ({@code keyword}, {@code pattern}), a behaviour ({@code user_flood},
     * {@code duplicate_flood}, {@code campaign}, {@code stream_spike}, {@code repeat_offender}), the stream's
     * metadata, or a registered false claim. On the wire it is the lower-case name.
     */
    public enum Kind {
        KEYWORD,
        PATTERN,
        USER_FLOOD,
        DUPLICATE_FLOOD,
        CAMPAIGN,
        STREAM_SPIKE,
        REPEAT_OFFENDER,
        METADATA,
        FALSE_CLAIM;

        /** Computed once: the topology counts flags by kind, one per flag. */
        private final String wire = Wire.name(this);

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Kind fromWire(String s) {
            return Wire.parse(Kind.class, "kind", s);
        }

        /** The kind of flag a rule of {@code kind} raises. */
        public static Kind of(RuleKind kind) {
            return kind == RuleKind.KEYWORD ? KEYWORD : PATTERN;
        }
    }

    /**
     * Where a flag is in review: {@code open} as produced; {@code claimed} and {@code decided} are the
     * gateway's projection (a moderator holds it; a decision was stored).
     */
    public enum Status {
        OPEN,
        CLAIMED,
        DECIDED;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static Status fromWire(String s) {
            return Wire.parse(Status.class, "status", s);
        }
    }

    /** A flag of {@code kind} with this id; every other field is set by name. */
    public static Builder builder(String flagId, Kind kind) {
        return new Builder().flagId(flagId).kind(kind);
    }

    /** A builder holding this flag's fields, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .flagId(flagId)
                .platform(platform)
                .streamId(streamId)
                .commentId(commentId)
                .userId(userId)
                .text(text)
                .kind(kind)
                .category(category)
                .severity(severity)
                .matches(matches)
                .rulesVersion(rulesVersion)
                .receivedAt(receivedAt)
                .detectedAt(detectedAt)
                .status(status)
                .claimId(claimId)
                .score(score);
    }

    public Flag withStatus(Status newStatus) {
        return toBuilder().status(newStatus).build();
    }

    /** Sets a flag's fields by name; unset fields are null (0 for the times). */
    public static final class Builder {
        private String flagId, platform, streamId, commentId, userId, text, category, rulesVersion, claimId;
        private Kind kind;
        private Severity severity;
        private Status status;
        private List<FlagMatch> matches;
        private long receivedAt, detectedAt;
        private Double score;

        private Builder() {}

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

        public Builder text(String v) {
            text = v;
            return this;
        }

        public Builder kind(Kind v) {
            kind = v;
            return this;
        }

        public Builder category(String v) {
            category = v;
            return this;
        }

        public Builder severity(Severity v) {
            severity = v;
            return this;
        }

        public Builder matches(List<FlagMatch> v) {
            matches = v;
            return this;
        }

        public Builder rulesVersion(String v) {
            rulesVersion = v;
            return this;
        }

        public Builder receivedAt(long v) {
            receivedAt = v;
            return this;
        }

        public Builder detectedAt(long v) {
            detectedAt = v;
            return this;
        }

        public Builder status(Status v) {
            status = v;
            return this;
        }
        /** The registered false claim a {@code false_claim} flag repeats, and the matcher's score. */
        public Builder claim(String id, Double matchScore) {
            claimId = id;
            score = matchScore;
            return this;
        }

        public Builder claimId(String v) {
            claimId = v;
            return this;
        }

        public Builder score(Double v) {
            score = v;
            return this;
        }

        /** A comment's platform, stream, id, author and text. */
        public Builder comment(String platform, String streamId, String commentId, String userId, String text) {
            return platform(platform)
                    .streamId(streamId)
                    .commentId(commentId)
                    .userId(userId)
                    .text(text);
        }

        public Flag build() {
            return new Flag(
                    flagId,
                    platform,
                    streamId,
                    commentId,
                    userId,
                    text,
                    kind,
                    category,
                    severity,
                    matches,
                    rulesVersion,
                    receivedAt,
                    detectedAt,
                    status,
                    claimId,
                    score);
        }
    }
}

package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stream metadata as stored on the stream-events topic.
 * {@code description} (optional) is the stream's description as the platform shows it: false claims
 * are matched in it as in the title. Built with {@link #builder}; ingest uses the canonical constructor.
 */
public record StreamEvent(
        String platform,
        String id,
        String streamId,
        Type type,
        String streamerId,
        String title,
        Long viewers,
        Boolean commercial,
        Boolean streamerVerified,
        String ts,
        long receivedAt,
        String description) {

    /** What happened to the stream; on the wire the lower-case name. */
    public enum Type {
        STARTED,
        UPDATED,
        ENDED,
        VIEWERS;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static Type fromWire(String s) {
            return Wire.parse(Type.class, "type", s);
        }
    }

    /** An event of {@code type} with this platform and id; every other field is set by name. */
    public static Builder builder(String platform, String id, Type type) {
        return new Builder().platform(platform).id(id).type(type);
    }

    public String key() {
        return platform + "/" + streamId;
    }

    /** Sets a stream event's fields by name; unset fields are null (0 for receivedAt). */
    public static final class Builder {
        private String platform, id, streamId, streamerId, title, ts, description;
        private Type type;
        private Long viewers;
        private Boolean commercial, streamerVerified;
        private long receivedAt;

        private Builder() {}

        public Builder platform(String v) {
            platform = v;
            return this;
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder streamId(String v) {
            streamId = v;
            return this;
        }

        public Builder type(Type v) {
            type = v;
            return this;
        }

        public Builder streamerId(String v) {
            streamerId = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder viewers(Long v) {
            viewers = v;
            return this;
        }

        public Builder commercial(Boolean v) {
            commercial = v;
            return this;
        }

        public Builder streamerVerified(Boolean v) {
            streamerVerified = v;
            return this;
        }
        /** The platform's RFC 3339 timestamp, kept as sent. */
        public Builder ts(String v) {
            ts = v;
            return this;
        }

        public Builder receivedAt(long v) {
            receivedAt = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public StreamEvent build() {
            return new StreamEvent(
                    platform,
                    id,
                    streamId,
                    type,
                    streamerId,
                    title,
                    viewers,
                    commercial,
                    streamerVerified,
                    ts,
                    receivedAt,
                    description);
        }
    }
}

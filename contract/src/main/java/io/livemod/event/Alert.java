package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.livemod.rules.Severity;
import java.util.List;

/**
 * An early-warning alert for the ministry: an incident (flags of one platform, stream and category
 * aggregated over a window), a cross-stream or cross-platform campaign, a stream spike, a repeat
 * offender's lock recommendation, or a metadata finding. The same {@code alertId} is re-emitted
 * as the incident grows; the last record for an id is its current state ({@code state} open or
 * closed). {@code platform} is null when the alert spans platforms ({@code platforms} lists them).
 * Officer actions (ack, assign, resolve) live beside it in the gateway, not in this record.
 * Built with {@link #builder}: twenty fields are too many to pass by position.
 */
public record Alert(
        String alertId,
        Kind kind,
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
        List<String> userIds,
        List<Flag> samples,
        String rulesVersion,
        State state,
        long detectedAt,
        String claimId,
        List<MinuteCount> perMinute) {
    public Alert {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        streams = streams == null ? List.of() : List.copyOf(streams);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        samples = samples == null ? List.of() : List.copyOf(samples);
        perMinute = perMinute == null || perMinute.isEmpty() ? null : List.copyOf(perMinute);
    }

    /** An alert of {@code kind} with this id; every other field is set by name. */
    public static Builder builder(String alertId, Kind kind) {
        return new Builder().alertId(alertId).kind(kind);
    }

    /** A builder holding this alert's fields, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .alertId(alertId)
                .kind(kind)
                .platform(platform)
                .platforms(platforms)
                .streamId(streamId)
                .streams(streams)
                .category(category)
                .severity(severity)
                .summary(summary)
                .count(count)
                .distinctUsers(distinctUsers)
                .seen(firstSeen, lastSeen)
                .userIds(userIds)
                .samples(samples)
                .rulesVersion(rulesVersion)
                .state(state)
                .detectedAt(detectedAt)
                .claimId(claimId)
                .perMinute(perMinute);
    }

    /**
     * What the alert is about: an {@code incident} (flags aggregated over a window), a {@code campaign},
     * a {@code stream_spike}, a {@code repeat_offender}, a {@code metadata} finding or a {@code false_claim}.
     * On the wire it is the lower-case name.
     */
    public enum Kind {
        INCIDENT,
        CAMPAIGN,
        STREAM_SPIKE,
        REPEAT_OFFENDER,
        METADATA,
        FALSE_CLAIM;

        /** Computed once: the topology counts alerts by kind, one per alert. */
        private final String wire = Wire.name(this);

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Kind fromWire(String s) {
            return Wire.parse(Kind.class, "kind", s);
        }
    }

    /** An alert's state as the topology sees it; the officer's status (acked, resolved) is the gateway's. */
    public enum State {
        OPEN,
        CLOSED;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static State fromWire(String s) {
            return Wire.parse(State.class, "state", s);
        }
    }

    /** How many matches of one minute: {@code minute} is the minute's start, epoch ms. */
    public record MinuteCount(long minute, long count) {}

    /** Sets an alert's fields by name; unset lists are empty, unset strings null, unset numbers 0. */
    public static final class Builder {
        private String alertId, platform, streamId, category, summary, rulesVersion, claimId;
        private Kind kind;
        private Severity severity;
        private State state;
        private List<String> platforms, streams, userIds;
        private List<Flag> samples;
        private List<MinuteCount> perMinute;
        private long count, distinctUsers, firstSeen, lastSeen, detectedAt;

        private Builder() {}

        public Builder alertId(String v) {
            alertId = v;
            return this;
        }

        public Builder kind(Kind v) {
            kind = v;
            return this;
        }
        /** The one platform the alert is about; null when it spans platforms. */
        public Builder platform(String v) {
            platform = v;
            return this;
        }

        public Builder platforms(List<String> v) {
            platforms = v;
            return this;
        }

        public Builder streamId(String v) {
            streamId = v;
            return this;
        }

        public Builder streams(List<String> v) {
            streams = v;
            return this;
        }

        /** One platform's one stream (null: none): sets platform, platforms, streamId and streams. */
        public Builder stream(String platform, String streamId) {
            return platform(platform)
                    .platforms(List.of(platform))
                    .streamId(streamId)
                    .streams(streamId == null ? List.of() : List.of(streamId));
        }

        public Builder category(String v) {
            category = v;
            return this;
        }

        public Builder severity(Severity v) {
            severity = v;
            return this;
        }

        public Builder summary(String v) {
            summary = v;
            return this;
        }

        public Builder count(long v) {
            count = v;
            return this;
        }

        public Builder distinctUsers(long v) {
            distinctUsers = v;
            return this;
        }

        /** Receive times of the first and the last thing counted, epoch ms. */
        public Builder seen(long first, long last) {
            firstSeen = first;
            lastSeen = last;
            return this;
        }

        public Builder userIds(List<String> v) {
            userIds = v;
            return this;
        }

        public Builder samples(List<Flag> v) {
            samples = v;
            return this;
        }

        public Builder rulesVersion(String v) {
            rulesVersion = v;
            return this;
        }

        public Builder state(State v) {
            state = v;
            return this;
        }

        public Builder detectedAt(long v) {
            detectedAt = v;
            return this;
        }

        public Builder claimId(String v) {
            claimId = v;
            return this;
        }

        public Builder perMinute(List<MinuteCount> v) {
            perMinute = v;
            return this;
        }

        public Alert build() {
            return new Alert(
                    alertId,
                    kind,
                    platform,
                    platforms,
                    streamId,
                    streams,
                    category,
                    severity,
                    summary,
                    count,
                    distinctUsers,
                    firstSeen,
                    lastSeen,
                    userIds,
                    samples,
                    rulesVersion,
                    state,
                    detectedAt,
                    claimId,
                    perMinute);
        }
    }
}

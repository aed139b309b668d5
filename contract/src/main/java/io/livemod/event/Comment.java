package io.livemod.event;

/**
 * A livestream comment as stored on the comments topic: the platform's fields plus the platform
 * id and the gateway's receive time ({@code receivedAt}, epoch ms), the only time windows trust.
 * {@code ts} is the platform's own RFC 3339 timestamp, kept as sent. {@code accountCreated} (epoch
 * ms, optional) is when the commenting account was created, as the platform knows it: a burst of
 * new accounts saying the same thing is coordination even without a risky word.
 * Built with {@link #builder}; ingest, once per comment, uses the canonical constructor instead.
 */
public record Comment(
        String platform,
        String id,
        String streamId,
        String userId,
        String userName,
        String text,
        String ts,
        Boolean verified,
        String replyTo,
        long receivedAt,
        Long accountCreated) {

    /** A comment of {@code platform} with this id; every other field is set by name. */
    public static Builder builder(String platform, String id) {
        return new Builder().platform(platform).id(id);
    }

    /** A builder holding this comment's fields, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .platform(platform)
                .id(id)
                .streamId(streamId)
                .userId(userId)
                .userName(userName)
                .text(text)
                .ts(ts)
                .verified(verified)
                .replyTo(replyTo)
                .receivedAt(receivedAt)
                .accountCreated(accountCreated);
    }

    /**
     * Kafka key: platform and stream, so every rule about a stream (keywords, floods, duplicates,
     * incidents, spikes) runs in one task without a repartition. A mega-live is then one partition's
     * work: at a few microseconds of stream-thread CPU a comment, one thread holds thousands a second.
     */
    public String key() {
        return platform + "/" + streamId;
    }

    /** Sets a comment's fields by name; unset fields are null (0 for receivedAt). */
    public static final class Builder {
        private String platform, id, streamId, userId, userName, text, ts, replyTo;
        private Boolean verified;
        private long receivedAt;
        private Long accountCreated;

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

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        public Builder userName(String v) {
            userName = v;
            return this;
        }

        public Builder text(String v) {
            text = v;
            return this;
        }
        /** The platform's RFC 3339 timestamp, kept as sent. */
        public Builder ts(String v) {
            ts = v;
            return this;
        }

        public Builder verified(Boolean v) {
            verified = v;
            return this;
        }

        public Builder replyTo(String v) {
            replyTo = v;
            return this;
        }

        public Builder receivedAt(long v) {
            receivedAt = v;
            return this;
        }

        public Builder accountCreated(Long v) {
            accountCreated = v;
            return this;
        }

        public Comment build() {
            return new Comment(
                    platform, id, streamId, userId, userName, text, ts, verified, replyTo, receivedAt, accountCreated);
        }
    }
}

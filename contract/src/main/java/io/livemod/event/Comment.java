package io.livemod.event;

/**
 * A livestream comment as stored on the comments topic: the platform's fields plus the platform
 * id and the gateway's receive time ({@code receivedAt}, epoch ms), the only time windows trust.
 * {@code ts} is the platform's own RFC 3339 timestamp, kept as sent. {@code accountCreated} (epoch
 * ms, optional) is when the commenting account was created, as the platform knows it: a burst of
 * new accounts saying the same thing is coordination even without a risky word.
 */
public record Comment(String platform, String id, String streamId, String userId, String userName,
                      String text, String ts, Boolean verified, String replyTo, long receivedAt, Long accountCreated) {

    /** A comment whose platform did not say when the account was created. */
    public Comment(String platform, String id, String streamId, String userId, String userName,
                   String text, String ts, Boolean verified, String replyTo, long receivedAt) {
        this(platform, id, streamId, userId, userName, text, ts, verified, replyTo, receivedAt, null);
    }

    /**
     * Kafka key: platform and stream, so every rule about a stream (keywords, floods, duplicates,
     * incidents, spikes) runs in one task without a repartition. A mega-live is then one partition's
     * work: at a few microseconds of stream-thread CPU a comment, one thread holds thousands a second.
     */
    public String key() {
        return platform + "/" + streamId;
    }
}

package io.livemod.event;

/**
 * A livestream comment as stored on the comments topic: the platform's fields plus the platform
 * id and the gateway's receive time ({@code receivedAt}, epoch ms), the only time windows trust.
 * {@code ts} is the platform's own RFC 3339 timestamp, kept as sent.
 */
public record Comment(String platform, String id, String streamId, String userId, String userName,
                      String text, String ts, Boolean verified, String replyTo, long receivedAt) {

    /** Kafka key: platform, stream and user, so one mega-live spreads over partitions by user. */
    public String key() {
        return platform + "/" + streamId + "/" + userId;
    }
}

package io.livemod.event;

/**
 * Stream metadata as stored on the stream-events topic; {@code type} is started|updated|ended|viewers.
 * {@code description} (optional) is the stream's description as the platform shows it: false claims
 * are matched in it as in the title.
 */
public record StreamEvent(String platform, String id, String streamId, String type, String streamerId,
                          String title, Long viewers, Boolean commercial, Boolean streamerVerified,
                          String ts, long receivedAt, String description) {

    /** A stream event without a description. */
    public StreamEvent(String platform, String id, String streamId, String type, String streamerId, String title, Long viewers,
                       Boolean commercial, Boolean streamerVerified, String ts, long receivedAt) {
        this(platform, id, streamId, type, streamerId, title, viewers, commercial, streamerVerified, ts, receivedAt, null);
    }

    public String key() {
        return platform + "/" + streamId;
    }
}

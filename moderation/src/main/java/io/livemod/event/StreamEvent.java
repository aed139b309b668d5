package io.livemod.event;

/** Stream metadata as stored on the stream-events topic; {@code type} is started|updated|ended|viewers. */
public record StreamEvent(String platform, String id, String streamId, String type, String streamerId,
                          String title, Long viewers, Boolean commercial, Boolean streamerVerified,
                          String ts, long receivedAt) {

    public String key() {
        return platform + "/" + streamId;
    }
}

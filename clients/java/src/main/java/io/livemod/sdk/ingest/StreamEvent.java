package io.livemod.sdk.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * A livestream's metadata: started, updated (title), viewer counts, ended. The gateway uses it for
 * metadata rules (the title is checked like a comment), spikes and commercial streams by
 * unverified streamers. Use the factory methods: they give each event an id made of the stream,
 * the type and the time, so the same event sent twice is deduplicated.
 *
 * @param id               platform-unique event id
 * @param streamId         the livestream
 * @param type             {@code started}, {@code updated}, {@code ended} or {@code viewers}
 * @param streamerId       the streamer's platform user id
 * @param title            the stream's title, or {@code null}
 * @param viewers          current viewers, or {@code null}
 * @param commercial       whether the stream sells something, or {@code null}
 * @param streamerVerified whether the streamer's account is verified, or {@code null}
 * @param ts               when it happened
 * @param description      the stream's description, or {@code null} (false claims are matched in it as in the title)
 */
public record StreamEvent(
        String id,
        String streamId,
        String type,
        String streamerId,
        String title,
        Long viewers,
        Boolean commercial,
        Boolean streamerVerified,
        Instant ts,
        String description)
        implements Event {

    /** Checks the fields the gateway requires, naming the first one that is wrong. */
    public StreamEvent {
        EventChecks.id(id, "id");
        EventChecks.text(streamId, "streamId");
        if (!"started".equals(type) && !"updated".equals(type) && !"ended".equals(type) && !"viewers".equals(type)) {
            throw new IllegalArgumentException("type: started, updated, ended or viewers, got " + type);
        }
        EventChecks.text(streamerId, "streamerId");
        if (title != null && title.length() > Comment.MAX_TEXT)
            throw new IllegalArgumentException("title: at most " + Comment.MAX_TEXT + " characters");
        if (description != null && description.length() > Comment.MAX_TEXT) {
            throw new IllegalArgumentException("description: at most " + Comment.MAX_TEXT + " characters");
        }
        if (viewers != null && viewers < 0) throw new IllegalArgumentException("viewers: must not be negative");
        Objects.requireNonNull(ts, "ts");
    }

    /**
     * @param streamId   the livestream
     * @param streamerId the streamer
     * @param title      the title
     * @param ts         when it started
     * @return a {@code started} event
     */
    public static StreamEvent started(String streamId, String streamerId, String title, Instant ts) {
        return of(streamId, "started", streamerId, title, null, ts);
    }

    /**
     * @param streamId   the livestream
     * @param streamerId the streamer
     * @param title      the new title
     * @param ts         when it changed
     * @return an {@code updated} event
     */
    public static StreamEvent titleChanged(String streamId, String streamerId, String title, Instant ts) {
        return of(streamId, "updated", streamerId, title, null, ts);
    }

    /**
     * @param streamId   the livestream
     * @param streamerId the streamer
     * @param viewers    current viewers
     * @param ts         when they were counted
     * @return a {@code viewers} event
     */
    public static StreamEvent viewers(String streamId, String streamerId, long viewers, Instant ts) {
        return of(streamId, "viewers", streamerId, null, viewers, ts);
    }

    /**
     * @param streamId   the livestream
     * @param streamerId the streamer
     * @param ts         when it ended
     * @return an {@code ended} event
     */
    public static StreamEvent ended(String streamId, String streamerId, Instant ts) {
        return of(streamId, "ended", streamerId, null, null, ts);
    }

    /** @param isCommercial whether it sells @return a copy saying whether the stream sells something */
    public StreamEvent withCommercial(boolean isCommercial) {
        return new StreamEvent(
                id, streamId, type, streamerId, title, viewers, isCommercial, streamerVerified, ts, description);
    }

    /** @param verified verification state @return a copy saying whether the streamer's account is verified */
    public StreamEvent withStreamerVerified(boolean verified) {
        return new StreamEvent(id, streamId, type, streamerId, title, viewers, commercial, verified, ts, description);
    }

    /** @param text the stream's description @return a copy carrying it */
    public StreamEvent withDescription(String text) {
        return new StreamEvent(id, streamId, type, streamerId, title, viewers, commercial, streamerVerified, ts, text);
    }

    private static StreamEvent of(
            String streamId, String type, String streamerId, String title, Long viewers, Instant ts) {
        Objects.requireNonNull(ts, "ts");
        // Deterministic: a resent event keeps its id; the stream id is cut so the id stays within 128 characters.
        String stream = streamId == null ? null : streamId.length() > 90 ? streamId.substring(0, 90) : streamId;
        return new StreamEvent(
                stream + ":" + type + ":" + ts.toEpochMilli(),
                streamId,
                type,
                streamerId,
                title,
                viewers,
                null,
                null,
                ts,
                null);
    }

    @Override
    public String kind() {
        return "stream-event";
    }
}

package io.livemod.sdk.ingest;

/**
 * Something a platform sends: a {@link Comment} or a {@link StreamEvent}. Its {@link #id()} is what
 * the gateway deduplicates on (per platform and kind, for 24 hours): keep it stable across retries
 * and a resent event is counted as a duplicate, never stored twice.
 */
public sealed interface Event permits Comment, StreamEvent {
    /** @return the platform-unique id, 1..128 characters */
    String id();

    /** @return the stream the event belongs to */
    String streamId();

    /** @return {@code "comment"} or {@code "stream-event"}, as WebSocket frames name it */
    String kind();
}

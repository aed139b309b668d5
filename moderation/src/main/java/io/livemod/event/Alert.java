package io.livemod.event;

import java.util.List;

/**
 * An early-warning alert for the ministry: an incident (flags of one platform, stream and category
 * aggregated over a window), a cross-stream or cross-platform campaign, a stream spike, a repeat
 * offender's lock recommendation, or a metadata finding. The same {@code alertId} is re-emitted
 * as the incident grows; the last record for an id is its current state ({@code state} open or
 * closed). {@code platform} is null when the alert spans platforms ({@code platforms} lists them).
 * Officer actions (ack, assign, resolve) live beside it in the gateway, not in this record.
 */
public record Alert(String alertId, String kind, String platform, List<String> platforms, String streamId,
                    List<String> streams, String category, String severity, String summary,
                    long count, long distinctUsers, long firstSeen, long lastSeen,
                    List<String> userIds, List<Flag> samples, String rulesVersion, String state, long detectedAt,
                    String claimId, List<MinuteCount> perMinute) {
    public Alert {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        streams = streams == null ? List.of() : List.copyOf(streams);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        samples = samples == null ? List.of() : List.copyOf(samples);
        perMinute = perMinute == null || perMinute.isEmpty() ? null : List.copyOf(perMinute);
    }

    /** An alert that is not about a registered false claim ({@code claimId} and {@code perMinute} absent). */
    public Alert(String alertId, String kind, String platform, List<String> platforms, String streamId,
                 List<String> streams, String category, String severity, String summary,
                 long count, long distinctUsers, long firstSeen, long lastSeen,
                 List<String> userIds, List<Flag> samples, String rulesVersion, String state, long detectedAt) {
        this(alertId, kind, platform, platforms, streamId, streams, category, severity, summary, count, distinctUsers,
                firstSeen, lastSeen, userIds, samples, rulesVersion, state, detectedAt, null, null);
    }

    /** How many matches of one minute: {@code minute} is the minute's start, epoch ms. */
    public record MinuteCount(long minute, long count) {}
}

package io.livemod.sdk.takedown;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A takedown request from the ministry: take down a stream or a comment within 24 hours (Decree
 * 147/2024), then answer it ({@code LivemodClient.answerTakedown}). Comes by webhook
 * ({@code takedown.requested}) and can be listed by API.
 *
 * @param takedownId  the request's id
 * @param platform    the platform it is addressed to
 * @param streamId    the stream to take down, or {@code null}
 * @param commentId   the comment to take down, or {@code null}
 * @param reason      why
 * @param legalBasis  under which provision
 * @param requestedAt when it was made
 * @param deadline    when it must be answered by
 * @param status      {@code open}, {@code done} or {@code overdue}
 * @param doneAt      when it was answered, or {@code null}
 */
public record Takedown(
        String takedownId,
        String platform,
        String streamId,
        String commentId,
        String reason,
        String legalBasis,
        Instant requestedAt,
        Instant deadline,
        String status,
        Instant doneAt) {

    /**
     * Reads the gateway's takedown object (API answers and webhook {@code data}).
     *
     * @param t the JSON object
     * @return the takedown
     */
    public static Takedown from(JsonNode t) {
        return new Takedown(
                text(t, "takedownId"),
                text(t, "platform"),
                text(t, "streamId"),
                text(t, "commentId"),
                text(t, "reason"),
                text(t, "legalBasis"),
                time(t, "requestedAt"),
                time(t, "deadline"),
                text(t, "status"),
                time(t, "doneAt"));
    }

    /** @return whether it still waits for the platform's answer */
    public boolean open() {
        return "open".equals(status) || "overdue".equals(status);
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    private static Instant time(JsonNode n, String f) {
        return n.hasNonNull(f) ? Instant.ofEpochMilli(n.get(f).asLong()) : null;
    }
}

package io.livemod.sdk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.sdk.takedown.Takedown;
import java.io.IOException;

/**
 * A verified delivery: {@code {"type":..,"timestamp":..,"data":{..}}}. Types the gateway sends:
 * {@value #DECISION} (a moderator decided on a flag: {@code data} has {@code action},
 * {@code commentId}, {@code userId}, {@code streamId}, {@code durationSeconds}?...) and
 * {@value #TAKEDOWN} ({@code data} is the {@link Takedown}). The same {@link #id()} arrives
 * again when a delivery is retried: act once per id.
 *
 * @param id        the delivery id ({@code webhook-id})
 * @param timestamp the attempt's unix seconds
 * @param type      the event type
 * @param data      the payload
 */
public record WebhookEvent(String id, long timestamp, String type, JsonNode data) {
    /** A moderator's decision on a flag. */
    public static final String DECISION = "decision.created";
    /** A takedown request from the ministry. */
    public static final String TAKEDOWN = "takedown.requested";

    private static final ObjectMapper JSON = new ObjectMapper();

    static WebhookEvent parse(String id, long timestamp, byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new WebhookException("body: not a JSON object");
            return new WebhookEvent(id, timestamp, n.path("type").asText(null), n.path("data"));
        } catch (IOException e) {
            throw new WebhookException("body: not JSON: " + e.getMessage());
        }
    }

    /** @return the takedown request of a {@value #TAKEDOWN} event */
    public Takedown takedown() {
        if (!TAKEDOWN.equals(type)) throw new IllegalStateException("not a " + TAKEDOWN + " event: " + type);
        return Takedown.from(data);
    }
}

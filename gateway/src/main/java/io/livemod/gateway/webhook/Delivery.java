package io.livemod.gateway.webhook;

import io.vertx.core.json.JsonObject;

/**
 * One event on its way to a platform, as the delivery log keeps it. {@code status}: pending (first
 * attempt or a retry due at {@code nextAttemptAt}), delivered (a 2xx), failed (attempts exhausted),
 * no_endpoint (the platform has no webhook URL). {@code body} is what is signed and sent.
 */
public record Delivery(
        String id,
        String platform,
        String type,
        String body,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        long createdAt,
        Long lastAttemptAt,
        Long nextAttemptAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String NO_ENDPOINT = "no_endpoint";

    Delivery attempted(String newStatus, Integer code, String error, long at, Long next) {
        return new Delivery(id, platform, type, body, newStatus, attempts + 1, code, error, createdAt, at, next);
    }

    Delivery withStatus(String newStatus, String error) {
        return new Delivery(
                id, platform, type, body, newStatus, attempts, lastStatusCode, error, createdAt, lastAttemptAt, null);
    }

    /** The log entry as the API shows it (without the body). */
    public JsonObject summary() {
        JsonObject o = new JsonObject()
                .put("id", id)
                .put("platform", platform)
                .put("type", type)
                .put("status", status)
                .put("attempts", attempts)
                .put("createdAt", createdAt);
        if (lastStatusCode != null) o.put("lastStatusCode", lastStatusCode);
        if (lastError != null) o.put("lastError", lastError);
        if (lastAttemptAt != null) o.put("lastAttemptAt", lastAttemptAt);
        if (nextAttemptAt != null) o.put("nextAttemptAt", nextAttemptAt);
        return o;
    }

    public JsonObject toJson() {
        return summary().put("body", body);
    }

    public static Delivery fromJson(JsonObject o) {
        return new Delivery(
                o.getString("id"),
                o.getString("platform"),
                o.getString("type"),
                o.getString("body"),
                o.getString("status"),
                o.getInteger("attempts"),
                o.getInteger("lastStatusCode"),
                o.getString("lastError"),
                o.getLong("createdAt"),
                o.getLong("lastAttemptAt"),
                o.getLong("nextAttemptAt"));
    }
}

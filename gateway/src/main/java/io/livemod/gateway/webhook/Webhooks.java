package io.livemod.gateway.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Delivery of events to a platform's webhook URL (decisions, takedown requests), signed in the
 * Standard Webhooks style, retried with back-off and logged. The implementation lives in this
 * package ({@link WebhookDispatcher}); callers only hand over the event.
 */
public interface Webhooks {
    /**
     * Queues one event for delivery to the platform's configured URL. The delivery id (the
     * {@code webhook-id} header, stable across retries so receivers can drop duplicates) is
     * {@code type:<payload's decisionId | takedownId | id>}, or random when the payload has none.
     *
     * @param type    event type, e.g. "decision.created", "takedown.requested"
     * @param payload the event's JSON body (sent as {@code data})
     * @return completes when the delivery is durably queued (not when the platform answered)
     */
    Future<Void> deliver(String platform, String type, JsonObject payload);

    /**
     * Delivers an event found while replaying Kafka at start unless the delivery log already knows
     * it: recovers a delivery that a crash lost between the Kafka write and {@link #deliver}.
     * Events older than the redelivery window are left alone.
     */
    default void recover(String platform, String type, JsonObject payload, long createdAt) {}

    /** Drops everything: for a gateway without webhook delivery configured yet. */
    Webhooks NONE = (platform, type, payload) -> Future.succeededFuture();
}

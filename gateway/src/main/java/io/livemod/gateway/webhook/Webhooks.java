package io.livemod.gateway.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Delivery of events to a platform's webhook URL (decisions, takedown requests), signed in the
 * Standard Webhooks style, retried with back-off and logged. The implementation lives in this
 * package; callers only hand over the event.
 */
public interface Webhooks {
    /**
     * Queues one event for delivery to the platform's configured URL.
     *
     * @param type    event type, e.g. "decision.created", "takedown.requested"
     * @param payload the event's JSON body
     * @return completes when the delivery is durably queued (not when the platform answered)
     */
    Future<Void> deliver(String platform, String type, JsonObject payload);

    /** Drops everything: for a gateway without webhook delivery configured yet. */
    Webhooks NONE = (platform, type, payload) -> Future.succeededFuture();
}

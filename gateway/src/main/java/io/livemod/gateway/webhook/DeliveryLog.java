package io.livemod.gateway.webhook;

import java.util.List;
import java.util.Optional;

/**
 * Every delivery and its attempts, per platform: what moderators see at GET /v1/webhooks/deliveries
 * and the "already queued" marker used to recover deliveries after a restart. Calls may block (Redis).
 */
public interface DeliveryLog {
    /** Adds a new delivery; false when one with this id exists (another gateway or an earlier run queued it). */
    boolean create(Delivery d);

    void update(Delivery d);

    Optional<Delivery> get(String id);

    /** The platform's newest deliveries first, optionally of one status. */
    List<Delivery> list(String platform, String status, int limit);

    /** Deliveries still pending, to resume after a restart. */
    List<Delivery> pending();
}

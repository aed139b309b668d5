package io.livemod.gateway.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for officer actions: a route registers the id of the event it writes, the
 * projection reports each event id it has folded, and the route answers once its own event shows
 * in the projection, so a GET right after a 2xx sees the change. Bounded: after {@code timeoutMs}
 * the route answers anyway (the event is durably in Kafka; the projection will get there).
 */
public final class Applied {
    private record Waiter(Context ctx, Promise<Void> promise) {}

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final long timeoutMs;

    public Applied(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** Call on the route's context before writing the event. */
    public Future<Void> await(Context ctx, String eventId) {
        Promise<Void> p = Promise.promise();
        waiting.put(eventId, new Waiter(ctx, p));
        ctx.owner().setTimer(timeoutMs, t -> done(eventId));
        return p.future();
    }

    /** Called by projections (any thread) after folding an event. */
    public void done(String eventId) {
        Waiter w = waiting.remove(eventId);
        if (w != null) w.ctx().runOnContext(v -> w.promise().tryComplete());
    }

    /** The write failed: nobody will fold it. */
    public void forget(String eventId) {
        waiting.remove(eventId);
    }
}

package io.livemod.gateway.dedupe;

import io.vertx.core.Future;
import java.util.List;

/**
 * Which event ids a platform already sent. An id goes through two states: <em>pending</em> while
 * its write to Kafka is in flight (reserved with a token, expiring on its own if the gateway dies)
 * and <em>done</em> once Kafka acknowledged it (kept for the dedupe TTL). An id is never marked
 * done before the ack, so a write that failed is released and its retry goes through; a retry that
 * arrives while the first attempt is still in flight is told so, rather than stored twice.
 */
public interface Dedupe {
    enum Status {
        /** Reserved for this write: send it, then {@link #confirm} or {@link #release}. */
        NEW,
        /** Already durably stored (or a second copy within the same reservation). */
        DUPLICATE,
        /** Another request is writing it right now: the client should retry shortly. */
        IN_FLIGHT
    }

    /**
     * Reserves the keys not seen yet, atomically for the whole list.
     *
     * @param platform the tenant; keys of different platforms never collide
     * @param keys     event keys (kind and id), in batch order; repeats within the list are DUPLICATE
     * @param token    unique per call, so a release only frees this call's reservations
     */
    Future<List<Status>> reserve(String platform, List<String> keys, String token);

    /** Marks the keys done: they are in Kafka. */
    Future<Void> confirm(String platform, List<String> keys);

    /** Frees the keys this token reserved: their write failed and may be retried. */
    Future<Void> release(String platform, List<String> keys, String token);
}

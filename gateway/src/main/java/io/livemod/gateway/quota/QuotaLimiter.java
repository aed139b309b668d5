package io.livemod.gateway.quota;

import io.vertx.core.Future;

/**
 * Per-platform token buckets. A batch is admitted when the bucket holds as many tokens as the
 * batch has events (or the whole burst, for a batch larger than the burst); it then takes them
 * all, possibly going into debt, so the long-run rate never exceeds {@code eventsPerSecond}.
 */
public interface QuotaLimiter {
    /** @param retryAfterMs when refused: how long until the bucket holds enough tokens */
    record Decision(boolean allowed, long retryAfterMs) {
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMs + 999) / 1000);
        }
    }

    Future<Decision> acquire(String platform, Quota quota, int cost);
}

package io.livemod.gateway.quota;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets of a single gateway; one per platform, so memory is bounded by the platforms. */
public final class MemoryQuotaLimiter implements QuotaLimiter {
    private static final class Bucket {
        double tokens = Double.NaN;
        long at;
    }

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public MemoryQuotaLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Decision> acquire(String platform, Quota quota, int cost) {
        Bucket b = buckets.computeIfAbsent(platform, p -> new Bucket());
        long now = clock.millis();
        synchronized (b) {
            if (Double.isNaN(b.tokens)) {
                b.tokens = quota.burst();
                b.at = now;
            }
            if (now > b.at) {
                b.tokens = Math.min((double) quota.burst(), b.tokens + (now - b.at) * quota.eventsPerSecond() / 1000.0);
                b.at = now;
            }
            b.tokens = Math.min(b.tokens, (double) quota.burst()); // the quota may have been lowered
            double need = Math.min(cost, quota.burst());
            if (b.tokens >= need) {
                b.tokens -= cost;
                return Future.succeededFuture(new Decision(true, 0));
            }
            return Future.succeededFuture(
                    new Decision(false, (long) Math.ceil((need - b.tokens) * 1000 / quota.eventsPerSecond())));
        }
    }
}

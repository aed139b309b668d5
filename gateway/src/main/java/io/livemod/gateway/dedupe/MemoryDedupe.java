package io.livemod.gateway.dedupe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * Dedupe keys of a single gateway, in a bounded Caffeine cache. Each entry carries its own expiry
 * (short while pending, the dedupe TTL once done); beyond {@code maxKeys} the least useful keys are
 * evicted, which bounds memory at the price of forgetting the oldest ids early.
 */
public final class MemoryDedupe implements Dedupe {
    /** @param expiresAt ticker time: absolute, so re-storing an entry unchanged does not extend it */
    private record Entry(String pendingToken, long expiresAt) {
        boolean done() {
            return pendingToken == null;
        }
    }

    private final Cache<String, Entry> keys;
    private final ConcurrentMap<String, Entry> map;
    private final long pendingNanos;
    private final long doneNanos;
    private final Clock clock;

    public MemoryDedupe(Clock clock, Duration pendingTtl, Duration doneTtl, long maxKeys) {
        this.pendingNanos = pendingTtl.toNanos();
        this.doneNanos = doneTtl.toNanos();
        this.clock = clock;
        this.keys = Caffeine.newBuilder()
                .ticker(this::now)
                .maximumSize(maxKeys)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String k, Entry e, long now) {
                        return Math.max(0, e.expiresAt() - now);
                    }

                    @Override
                    public long expireAfterUpdate(String k, Entry e, long now, long current) {
                        return Math.max(0, e.expiresAt() - now);
                    }

                    @Override
                    public long expireAfterRead(String k, Entry e, long now, long current) {
                        return current;
                    }
                })
                .build();
        this.map = keys.asMap();
    }

    @Override
    public Future<List<Status>> reserve(String platform, List<String> ids, String token) {
        List<Status> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Status[] status = new Status[1];
            map.compute(key(platform, id), (k, e) -> {
                if (e == null) {
                    status[0] = Status.NEW;
                    return new Entry(token, now() + pendingNanos);
                }
                status[0] = e.done() || token.equals(e.pendingToken()) ? Status.DUPLICATE : Status.IN_FLIGHT;
                return e;
            });
            out.add(status[0]);
        }
        return Future.succeededFuture(out);
    }

    @Override
    public Future<Void> confirm(String platform, List<String> ids) {
        for (String id : ids) map.put(key(platform, id), new Entry(null, now() + doneNanos));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> release(String platform, List<String> ids, String token) {
        for (String id : ids)
            map.computeIfPresent(key(platform, id), (k, e) -> token.equals(e.pendingToken()) ? null : e);
        return Future.succeededFuture();
    }

    private long now() {
        return clock.millis() * 1_000_000L;
    }

    private static String key(String platform, String id) {
        return platform + '\u0000' + id;
    }
}

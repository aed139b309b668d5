package io.livemod.gateway.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Accepts each platform signature once: a captured request replayed within the timestamp window is
 * refused. Shared through Redis when the gateway has one (several gateways: a replay to another
 * gateway is refused too), else in this gateway's memory. A signature is remembered for twice the
 * window, beyond which its timestamp is refused as stale anyway.
 */
public interface ReplayGuard {
    /** True the first time this signature of this platform is seen; false for a replay. */
    Future<Boolean> firstUse(String platform, String signature);

    static ReplayGuard create(Vertx vertx, RedisClient redis, Clock clock, Duration window) {
        return redis == null ? new Memory(clock, window, 4_000_000) : new Redis(vertx, redis, window);
    }

    /** One gateway: a bounded cache (4 million signatures, ~1 GB/h of requests at 1,000/s fits easily). */
    final class Memory implements ReplayGuard {
        private final Cache<String, Boolean> seen;

        Memory(Clock clock, Duration window, long maxEntries) {
            this.seen = Caffeine.newBuilder()
                    .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                    .expireAfterWrite(window.multipliedBy(2))
                    .maximumSize(maxEntries)
                    .build();
        }

        @Override
        public Future<Boolean> firstUse(String platform, String signature) {
            return Future.succeededFuture(seen.asMap().putIfAbsent(platform + "|" + signature, Boolean.TRUE) == null);
        }
    }

    /** Several gateways: {@code SET livemod:replay:{platform}:<signature> NX PX}, one round trip on a worker. */
    final class Redis implements ReplayGuard {
        private final Vertx vertx;
        private final RedisClient redis;
        private final long ttlMs;

        Redis(Vertx vertx, RedisClient redis, Duration window) {
            this.vertx = vertx;
            this.redis = redis;
            this.ttlMs = window.multipliedBy(2).toMillis();
        }

        @Override
        public Future<Boolean> firstUse(String platform, String signature) {
            return vertx.executeBlocking(
                    () -> "OK"
                            .equals(redis.set(
                                    "livemod:replay:{" + platform + "}:" + signature,
                                    "1",
                                    SetParams.setParams().nx().px(ttlMs))),
                    false);
        }
    }
}

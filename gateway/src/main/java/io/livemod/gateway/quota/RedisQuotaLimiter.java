package io.livemod.gateway.quota;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Token buckets shared by every gateway behind a load balancer: one Redis hash per platform,
 * refilled and charged in one Lua script so two gateways never both spend the same tokens. The
 * bucket expires once it would be full again, so idle platforms cost nothing.
 */
public final class RedisQuotaLimiter implements QuotaLimiter {
    // Same arithmetic as MemoryQuotaLimiter; time only moves forward (gateways' clocks differ a little).
    private static final String ACQUIRE = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local now = tonumber(ARGV[4])
            local s = redis.call('HMGET', KEYS[1], 't', 'ts')
            local tokens = tonumber(s[1])
            local ts = tonumber(s[2])
            if tokens == nil or ts == nil then tokens = burst; ts = now end
            if now > ts then
              tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
              ts = now
            end
            tokens = math.min(tokens, burst)
            local need = math.min(cost, burst)
            local allowed = 0
            local wait = 0
            if tokens >= need then
              tokens = tokens - cost
              allowed = 1
            else
              wait = math.ceil((need - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
            return {allowed, wait}""";

    private final Vertx vertx;
    private final RedisClient redis;
    private final Clock clock;

    public RedisQuotaLimiter(Vertx vertx, RedisClient redis, Clock clock) {
        this.vertx = vertx;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Future<Decision> acquire(String platform, Quota quota, int cost) {
        List<String> args = List.of(
                Long.toString(quota.eventsPerSecond()),
                Long.toString(quota.burst()),
                Integer.toString(cost),
                Long.toString(clock.millis()));
        return vertx.executeBlocking(
                () -> {
                    List<?> r = (List<?>) redis.eval(ACQUIRE, List.of("livemod:quota:{" + platform + "}"), args);
                    return new Decision((Long) r.get(0) == 1L, (Long) r.get(1));
                },
                false);
    }
}

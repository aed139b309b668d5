package io.livemod.gateway.ministry.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZRangeParams;

/**
 * The shared store of several gateways. A collection is a hash {@code livemod:<ns>} (id to JSON)
 * beside a hash of versions {@code livemod:<ns>:v}; the compare-and-set runs as one Lua script so
 * two gateways folding the same topic cannot interleave. Time-ordered collections are sorted sets.
 * Calls block: callers run them on a worker or a follower thread, never on the event loop.
 */
public final class RedisProjectionStore implements ProjectionStore {
    private static final String PUT_IF_NEWER = """
            local cur = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '-1')
            if cur < tonumber(ARGV[2]) then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
              redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
              return 1
            end
            return 0""";
    private final RedisClient redis;
    private final String prefix;

    /** @param prefix key prefix, e.g. "livemod:" (tests use their own to share one server) */
    public RedisProjectionStore(RedisClient redis, String prefix) {
        this.redis = Objects.requireNonNull(redis);
        this.prefix = prefix;
    }

    private String key(String ns) {
        return prefix + ns;
    }

    @Override
    public boolean putIfNewer(String ns, String id, long version, String json) {
        Object r =
                redis.eval(PUT_IF_NEWER, List.of(key(ns), key(ns) + ":v"), List.of(id, Long.toString(version), json));
        return Long.valueOf(1L).equals(r);
    }

    @Override
    public Optional<String> get(String ns, String id) {
        return Optional.ofNullable(redis.hget(key(ns), id));
    }

    @Override
    public Map<String, String> getAll(String ns, Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        List<String> keys = List.copyOf(ids);
        List<String> values = redis.hmget(key(ns), keys.toArray(String[]::new));
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null) out.put(keys.get(i), values.get(i));
        }
        return out;
    }

    @Override
    public Map<String, String> all(String ns) {
        return redis.hgetAll(key(ns));
    }

    @Override
    public void addTimed(String ns, long time, String member) {
        redis.zadd(key(ns), (double) time, member); // exact: epoch millis < 2^53
    }

    @Override
    public void removeTimedBefore(String ns, long before) {
        redis.zremrangeByScore(key(ns), "-inf", "(" + before);
    }

    @Override
    public void removeAll(String ns, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        // Batches keep each command, and the time Redis spends on it, small.
        for (int i = 0; i < all.size(); i += 1000) {
            String[] batch = all.subList(i, Math.min(all.size(), i + 1000)).toArray(String[]::new);
            redis.hdel(key(ns), batch);
            redis.hdel(key(ns) + ":v", batch);
        }
    }

    @Override
    public List<String> rangeByTime(String ns, long from, long to) {
        if (from >= to) return List.of();
        // Scores are exact for epoch millis (< 2^53); "(" makes the upper bound exclusive.
        return redis.zrange(key(ns), new ZRangeParams(Protocol.Keyword.BYSCORE, Long.toString(from), "(" + to));
    }
}

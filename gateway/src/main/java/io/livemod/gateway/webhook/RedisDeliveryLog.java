package io.livemod.gateway.webhook;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZRangeParams;

/**
 * The delivery log in Redis, shared by the gateways and kept across their restarts: {@code
 * livemod:webhook:deliveries} hash id → JSON, {@code idx:<platform>} sorted by creation time,
 * {@code pending} the set of ids to resume. {@link #create} is HSETNX: one gateway queues an event.
 */
public final class RedisDeliveryLog implements DeliveryLog {
    private static final String P = "livemod:webhook:";
    private static final String ALL = P + "deliveries";
    private static final String PENDING = P + "pending";
    private final RedisClient redis;

    public RedisDeliveryLog(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public boolean create(Delivery d) {
        if (redis.hsetnx(ALL, d.id(), d.toJson().encode()) == 0) return false;
        redis.zadd(P + "idx:" + d.platform(), (double) d.createdAt(), d.id()); // exact: epoch millis < 2^53
        if (Delivery.PENDING.equals(d.status())) redis.sadd(PENDING, d.id());
        return true;
    }

    @Override
    public void update(Delivery d) {
        redis.hset(ALL, d.id(), d.toJson().encode());
        if (Delivery.PENDING.equals(d.status())) redis.sadd(PENDING, d.id());
        else redis.srem(PENDING, d.id());
    }

    @Override
    public Optional<Delivery> get(String id) {
        return Optional.ofNullable(redis.hget(ALL, id)).map(s -> Delivery.fromJson(new JsonObject(s)));
    }

    @Override
    public List<Delivery> list(String platform, String status, int limit) {
        List<Delivery> out = new ArrayList<>(limit);
        String idx = P + "idx:" + platform;
        int batch = Math.max(limit, 100);
        for (long start = 0; out.size() < limit; start += batch) {
            List<String> ids = redis.zrange(
                    idx, ZRangeParams.zrangeParams(start, start + batch - 1).rev());
            if (ids.isEmpty()) break;
            for (String json : redis.hmget(ALL, ids.toArray(String[]::new))) {
                if (json == null) continue;
                Delivery d = Delivery.fromJson(new JsonObject(json));
                if ((status == null || status.equals(d.status())) && out.size() < limit) out.add(d);
            }
            if (ids.size() < batch) break;
        }
        return out;
    }

    @Override
    public List<Delivery> pending() {
        List<String> ids = new ArrayList<>(redis.smembers(PENDING));
        if (ids.isEmpty()) return List.of();
        List<Delivery> out = new ArrayList<>();
        for (String json : redis.hmget(ALL, ids.toArray(String[]::new))) {
            if (json != null) out.add(Delivery.fromJson(new JsonObject(json)));
        }
        return out;
    }
}

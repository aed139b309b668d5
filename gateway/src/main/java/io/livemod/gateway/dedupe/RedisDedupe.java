package io.livemod.gateway.dedupe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Dedupe keys shared by every gateway, in Redis. Each operation is one Lua script, so a batch's
 * keys are reserved atomically; keys carry the platform as a hash tag ({@code {platform}}) so a
 * batch stays in one slot on a Redis Cluster. Jedis blocks: calls run on worker threads, unordered.
 */
public final class RedisDedupe implements Dedupe {
    // 0 = reserved now (NEW), 1 = done or reserved by this very token (DUPLICATE), 2 = someone else's write in flight.
    private static final String RESERVE = """
            local out = {}
            for i, k in ipairs(KEYS) do
              local v = redis.call('GET', k)
              if not v then
                redis.call('SET', k, ARGV[1], 'PX', ARGV[2])
                out[i] = 0
              elseif v == 'd' or v == ARGV[1] then
                out[i] = 1
              else
                out[i] = 2
              end
            end
            return out""";
    private static final String CONFIRM = """
            for _, k in ipairs(KEYS) do redis.call('SET', k, 'd', 'PX', ARGV[1]) end
            return 0""";
    private static final String RELEASE = """
            for _, k in ipairs(KEYS) do
              if redis.call('GET', k) == ARGV[1] then redis.call('DEL', k) end
            end
            return 0""";

    private final Vertx vertx;
    private final RedisClient redis;
    private final String pendingMs;
    private final String doneMs;

    public RedisDedupe(Vertx vertx, RedisClient redis, Duration pendingTtl, Duration doneTtl) {
        this.vertx = vertx;
        this.redis = redis;
        this.pendingMs = Long.toString(pendingTtl.toMillis());
        this.doneMs = Long.toString(doneTtl.toMillis());
    }

    @Override
    @SuppressWarnings("EnumOrdinal") // the script answers 0, 1, 2 in Status's declaration order (see RESERVE)
    public Future<List<Status>> reserve(String platform, List<String> ids, String token) {
        if (ids.isEmpty()) return Future.succeededFuture(List.of());
        List<String> keys = keys(platform, ids);
        return vertx.executeBlocking(
                () -> {
                    List<?> codes = (List<?>) redis.eval(RESERVE, keys, List.of("p:" + token, pendingMs));
                    List<Status> out = new ArrayList<>(codes.size());
                    for (Object c : codes) out.add(Status.values()[((Long) c).intValue()]);
                    return out;
                },
                false);
    }

    @Override
    public Future<Void> confirm(String platform, List<String> ids) {
        if (ids.isEmpty()) return Future.succeededFuture();
        List<String> keys = keys(platform, ids);
        return vertx.<Object>executeBlocking(() -> redis.eval(CONFIRM, keys, List.of(doneMs)), false)
                .mapEmpty();
    }

    @Override
    public Future<Void> release(String platform, List<String> ids, String token) {
        if (ids.isEmpty()) return Future.succeededFuture();
        List<String> keys = keys(platform, ids);
        return vertx.<Object>executeBlocking(() -> redis.eval(RELEASE, keys, List.of("p:" + token)), false)
                .mapEmpty();
    }

    private static List<String> keys(String platform, List<String> ids) {
        List<String> keys = new ArrayList<>(ids.size());
        for (String id : ids) keys.add("livemod:dedupe:{" + platform + "}:" + id);
        return keys;
    }
}

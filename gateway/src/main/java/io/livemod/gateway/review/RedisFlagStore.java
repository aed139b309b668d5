package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Json;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.review.FlagStore.ClaimResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZRangeParams;

/**
 * The queue in Redis, shared by every gateway on it. Layout (prefix {@code livemod:review:}):
 * {@code flags} hash id → flag JSON; {@code idx:<platform>} sorted set of {@link FlagOrder} keys
 * read by lex range; {@code keys} hash id → its current order key (to move it when a flag is re-emitted); {@code decisions} hash id → decision JSON (first one wins, HSETNX);
 * {@code claim:<id>} "expiresAt|deciding|moderator" with a PX expiry; {@code age} sorted set
 * "platform flagId" scored by detection time, for the horizon. Claims are taken by one Lua
 * script, so a check-and-set is atomic across gateways; expiry is judged against the gateway's
 * clock written in the value (PX only collects garbage), so memory and Redis behave alike.
 */
public final class RedisFlagStore implements FlagStore {
    private static final String P = "livemod:review:";
    private static final String FLAGS = P + "flags";
    private static final String DECISIONS = P + "decisions";
    private static final String KEYS = P + "keys";
    private static final String AGE = P + "age";

    /** KEYS: flags, keys, idx, age. ARGV: flagId, flag JSON, order key, detectedAt, platform. One round trip per projected flag. */
    private static final String PUT = """
            local old = redis.call('HGET', KEYS[2], ARGV[1])
            if old and old ~= ARGV[3] then redis.call('ZREM', KEYS[3], old) end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            redis.call('ZADD', KEYS[3], 0, ARGV[3])
            redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5] .. ' ' .. ARGV[1])
            return 1
            """;

    /**
     * KEYS: age, flags, keys, decisions. ARGV: cutoff, max, key prefix. The index and claim keys are
     * derived from the age entry ("platform flagId"; platform ids have no spaces), which a single
     * Redis allows; a Redis Cluster would need them in one hash slot.
     */
    private static final String FORGET = """
            local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(gone) do
              local sp = string.find(member, ' ', 1, true)
              local platform, id = string.sub(member, 1, sp - 1), string.sub(member, sp + 1)
              local key = redis.call('HGET', KEYS[3], id)
              if key then redis.call('ZREM', ARGV[3] .. 'idx:' .. platform, key) end
              redis.call('HDEL', KEYS[2], id)
              redis.call('HDEL', KEYS[3], id)
              redis.call('HDEL', KEYS[4], id)
              redis.call('DEL', ARGV[3] .. 'claim:' .. id)
              redis.call('ZREM', KEYS[1], member)
            end
            return #gone
            """;

    /** KEYS: claim, decisions. ARGV: flagId, now, expiresAt, moderator, px, deciding(0|1). */
    private static final String TAKE = """
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 'decided:' end
            local v = redis.call('GET', KEYS[1])
            if v then
              local exp, deciding, who = string.match(v, '^(%d+)|(%d)|(.*)$')
              if tonumber(exp) > tonumber(ARGV[2]) then
                if deciding == '1' then return 'deciding:' .. v end
                if who ~= ARGV[4] then return 'held:' .. v end
              end
            end
            local mine = ARGV[3] .. '|' .. ARGV[6] .. '|' .. ARGV[4]
            redis.call('SET', KEYS[1], mine, 'PX', ARGV[5])
            return 'claimed:' .. mine
            """;

    /** KEYS: claim. ARGV: moderator, written(0|1), expiresAt, px. */
    private static final String END = """
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local exp, deciding, who = string.match(v, '^(%d+)|(%d)|(.*)$')
            if deciding ~= '1' or who ~= ARGV[1] then return 0 end
            if ARGV[2] == '1' then redis.call('DEL', KEYS[1])
            else redis.call('SET', KEYS[1], ARGV[3] .. '|0|' .. ARGV[1], 'PX', ARGV[4]) end
            return 1
            """;

    /** KEYS: claim. ARGV: moderator, now. */
    private static final String RELEASE = """
            local v = redis.call('GET', KEYS[1])
            if not v then return 1 end
            local exp, deciding, who = string.match(v, '^(%d+)|(%d)|(.*)$')
            if tonumber(exp) > tonumber(ARGV[2]) and (deciding == '1' or who ~= ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private final RedisClient redis;
    private final Clock clock;

    public RedisFlagStore(RedisClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void put(Flag flag) {
        redis.eval(
                PUT,
                4,
                FLAGS,
                KEYS,
                P + "idx:" + flag.platform(),
                AGE,
                flag.flagId(),
                Json.string(flag),
                FlagOrder.key(flag),
                Long.toString(flag.detectedAt()),
                flag.platform());
    }

    @Override
    public int forgetBefore(long cutoff, int max) {
        return ((Number) redis.eval(
                        FORGET, 4, AGE, FLAGS, KEYS, DECISIONS, Long.toString(cutoff), Integer.toString(max), P))
                .intValue();
    }

    @Override
    public void putDecision(Decision d) {
        redis.hsetnx(DECISIONS, d.flagId(), Json.string(d));
    }

    @Override
    public Optional<FlagView> get(String platform, String flagId) {
        List<FlagView> v = load(List.of(flagId));
        return v.get(0) != null && v.get(0).platform().equals(platform) ? Optional.of(v.get(0)) : Optional.empty();
    }

    @Override
    public Paging.Page<FlagView> list(String platform, FlagQuery q) {
        String idx = P + "idx:" + platform;
        return Paging.scan(
                FlagOrder.fromCursor(q.cursor()),
                q.limit(),
                (after, n) -> redis.zrange(
                        idx,
                        ZRangeParams.zrangeByLexParams(after == null ? "-" : "(" + after, "+")
                                .limit(0, n)),
                keys -> load(keys.stream().map(FlagOrder::flagId).toList()),
                q::matches);
    }

    private List<FlagView> load(List<String> ids) {
        String[] fields = ids.toArray(String[]::new);
        List<String> flags = redis.hmget(FLAGS, fields);
        List<String> decisions = redis.hmget(DECISIONS, fields);
        List<String> claims =
                redis.mget(ids.stream().map(RedisFlagStore::claimKey).toArray(String[]::new));
        long now = clock.millis();
        List<FlagView> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (flags.get(i) == null) {
                out.add(null);
                continue;
            }
            FlagView.Claim c = claims.get(i) == null ? null : parseClaim(ids.get(i), claims.get(i));
            out.add(new FlagView(
                    read(flags.get(i), Flag.class),
                    c != null && c.expiresAt() > now ? c : null,
                    decisions.get(i) == null ? null : read(decisions.get(i), Decision.class)));
        }
        return out;
    }

    @Override
    public ClaimResult claim(String flagId, String moderator, Duration ttl) {
        return take(flagId, moderator, ttl, false);
    }

    @Override
    public ClaimResult beginDecision(String flagId, String moderator, Duration lockTtl) {
        return take(flagId, moderator, lockTtl, true);
    }

    private ClaimResult take(String flagId, String moderator, Duration ttl, boolean deciding) {
        long now = clock.millis();
        String r = (String) redis.eval(
                TAKE,
                2,
                claimKey(flagId),
                DECISIONS,
                flagId,
                Long.toString(now),
                Long.toString(now + ttl.toMillis()),
                moderator,
                Long.toString(ttl.toMillis()),
                deciding ? "1" : "0");
        int colon = r.indexOf(':');
        String value = r.substring(colon + 1);
        FlagView.Claim c = value.isEmpty() ? null : parseClaim(flagId, value);
        return switch (r.substring(0, colon)) {
            case "decided" -> new ClaimResult(Outcome.DECIDED, null);
            case "deciding" -> new ClaimResult(Outcome.DECIDING, c);
            case "held" -> new ClaimResult(Outcome.HELD_BY_OTHER, c);
            default -> new ClaimResult(Outcome.CLAIMED, c);
        };
    }

    @Override
    public boolean release(String flagId, String moderator) {
        return ((Number) redis.eval(RELEASE, 1, claimKey(flagId), moderator, Long.toString(clock.millis()))).longValue()
                == 1;
    }

    @Override
    public void endDecision(String flagId, String moderator, boolean written, Duration claimTtl) {
        long now = clock.millis();
        redis.eval(
                END,
                1,
                claimKey(flagId),
                moderator,
                written ? "1" : "0",
                Long.toString(now + claimTtl.toMillis()),
                Long.toString(claimTtl.toMillis()));
    }

    @Override
    public long size() {
        return redis.hlen(FLAGS);
    }

    private static String claimKey(String flagId) {
        return P + "claim:" + flagId;
    }

    private static FlagView.Claim parseClaim(String flagId, String v) {
        String[] parts = v.split("\\|", 3);
        return new FlagView.Claim(flagId, parts[2], Long.parseLong(parts[0]), "1".equals(parts[1]));
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}

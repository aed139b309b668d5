package io.livemod.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisQuotaLimiterTest extends QuotaLimiterContract {
    static TestRedis redis;

    @BeforeAll
    static void start() {
        redis = new TestRedis();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Override
    QuotaLimiter limiter() {
        return new RedisQuotaLimiter(redis.vertx, redis.client, clock);
    }

    @Test
    void twoLimitersOnOneRedisShareTheBucket() {
        QuotaLimiter a = limiter();
        QuotaLimiter b = limiter();
        assertThat(a.acquire(platform, quota, 12).await().allowed()).isTrue();
        assertThat(b.acquire(platform, quota, 12).await().allowed()).isFalse();
        assertThat(b.acquire(platform, quota, 8).await().allowed()).isTrue();
        assertThat(a.acquire(platform, quota, 1).await().allowed()).isFalse();
    }
}

package io.livemod.gateway.quota;

import io.livemod.devstack.RedisServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RedisQuotaLimiterTest extends QuotaLimiterContract {
    static RedisServer server;
    static RedisClient redis;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        server = RedisServer.start();
        redis = RedisClient.create(URI.create(server.uri()));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        redis.close();
        vertx.close().await();
        server.close();
    }

    @Override
    QuotaLimiter limiter() {
        return new RedisQuotaLimiter(vertx, redis, clock);
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

package io.livemod.gateway.dedupe;

import io.livemod.devstack.RedisServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDedupeTest extends DedupeContract {
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
    Dedupe dedupe() {
        return new RedisDedupe(vertx, redis, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    @Test
    void keysCarryTheirTtlsAndThePlatformHashTag() {
        reserve("t1", "c:a");
        String key = "livemod:dedupe:{" + platform + "}:c:a";
        assertThat(redis.pttl(key)).isBetween(1L, 30_000L);

        dedupe().confirm(platform, java.util.List.of("c:a")).await();
        assertThat(redis.get(key)).isEqualTo("d");
        assertThat(redis.pttl(key)).isBetween(30_001L, 3_600_000L);
    }
}

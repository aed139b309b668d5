package io.livemod.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.testkit.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisDedupeTest extends DedupeContract {
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
    Dedupe dedupe() {
        return new RedisDedupe(redis.vertx, redis.client, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    @Test
    void keysCarryTheirTtlsAndThePlatformHashTag() {
        reserve("t1", "c:a");
        String key = "livemod:dedupe:{" + platform + "}:c:a";
        assertThat(redis.client.pttl(key)).isBetween(1L, 30_000L);

        dedupe().confirm(platform, java.util.List.of("c:a")).await();
        assertThat(redis.client.get(key)).isEqualTo("d");
        assertThat(redis.client.pttl(key)).isBetween(30_001L, 3_600_000L);
    }
}

package io.livemod.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token bucket every limiter implements; run against memory and against a real Redis. */
abstract class QuotaLimiterContract {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    final String platform = "p-" + UUID.randomUUID();
    final Quota quota = new Quota(10, 20);

    abstract QuotaLimiter limiter();

    QuotaLimiter.Decision take(int n) {
        return limiter().acquire(platform, quota, n).await();
    }

    @Test
    void theBurstIsAvailableAtOnceThenTheRateRefillsIt() {
        assertThat(take(15).allowed()).isTrue();
        assertThat(take(5).allowed()).isTrue();
        QuotaLimiter.Decision refused = take(5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMs()).isEqualTo(500);

        clock.advance(Duration.ofMillis(499));
        assertThat(take(5).allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(take(5).allowed()).isTrue();
    }

    @Test
    void aBatchLargerThanTheBurstPassesOnAFullBucketAndLeavesADebt() {
        assertThat(take(50).allowed()).isTrue();
        // 20 - 50 = -30 tokens: 3 s to get back to 0, then 0.1 s per event.
        clock.advance(Duration.ofSeconds(3));
        assertThat(take(1).allowed()).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(take(1).allowed()).isTrue();
    }

    @Test
    void platformsHaveTheirOwnBuckets() {
        assertThat(take(20).allowed()).isTrue();
        assertThat(limiter().acquire(platform + "-other", quota, 20).await().allowed())
                .isTrue();
        assertThat(take(1).allowed()).isFalse();
    }
}

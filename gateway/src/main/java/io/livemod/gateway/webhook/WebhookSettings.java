package io.livemod.gateway.webhook;

import static io.livemod.gateway.EnvNumbers.number;

import java.time.Duration;
import java.util.function.Function;

/**
 * Retry policy of webhook deliveries. Attempt n (from 1) that fails is retried after
 * {@code firstBackoff * 2^(n-1)}, capped at {@code maxBackoff}, until {@code maxAttempts}.
 * The defaults (10 attempts, 5 s doubling to 1 h) keep retrying for about 3 hours.
 *
 * @param redeliverWithin events replayed from Kafka at start that are younger than this and
 *                        unknown to the delivery log are delivered again
 */
public record WebhookSettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration timeout,
                              Duration redeliverWithin) {

    public static WebhookSettings defaults() {
        return new WebhookSettings(10, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofHours(6));
    }

    /** LIVEMOD_WEBHOOK_MAX_ATTEMPTS, LIVEMOD_WEBHOOK_BACKOFF_SECONDS (the first back-off). */
    public WebhookSettings withEnv(Function<String, String> env) {
        int attempts = (int) Math.min(Integer.MAX_VALUE, number(env, "LIVEMOD_WEBHOOK_MAX_ATTEMPTS", maxAttempts));
        long backoff = number(env, "LIVEMOD_WEBHOOK_BACKOFF_SECONDS", firstBackoff.toSeconds());
        return new WebhookSettings(attempts, Duration.ofSeconds(backoff), maxBackoff, timeout, redeliverWithin).validate();
    }

    public WebhookSettings validate() {
        if (maxAttempts < 1 || maxAttempts > 50) throw new IllegalArgumentException("LIVEMOD_WEBHOOK_MAX_ATTEMPTS: must be 1..50, got " + maxAttempts);
        if (firstBackoff.isNegative() || firstBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("LIVEMOD_WEBHOOK_BACKOFF_SECONDS: must be 0.." + maxBackoff.toSeconds() + ", got " + firstBackoff.toSeconds());
        }
        return this;
    }

    /** The wait after failed attempt {@code n} (1-based). */
    public Duration backoff(int n) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(n - 1, 30));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}

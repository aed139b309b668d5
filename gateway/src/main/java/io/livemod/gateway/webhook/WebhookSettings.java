package io.livemod.gateway.webhook;

import static io.livemod.settings.QueueCatalogue.WEBHOOK_BACKOFF;
import static io.livemod.settings.QueueCatalogue.WEBHOOK_MAX_ATTEMPTS;

import io.livemod.settings.QueueCatalogue;
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
public record WebhookSettings(
        int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration timeout, Duration redeliverWithin) {

    /** The catalogue's defaults ({@link QueueCatalogue}); the cap, timeout and redelivery window are not settings. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                WEBHOOK_MAX_ATTEMPTS.defaultValue(),
                WEBHOOK_BACKOFF.defaultValue(),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofHours(6));
    }

    /** LIVEMOD_WEBHOOK_MAX_ATTEMPTS, LIVEMOD_WEBHOOK_BACKOFF_SECONDS (the first back-off). */
    public WebhookSettings withEnv(Function<String, String> env) {
        return new WebhookSettings(
                        WEBHOOK_MAX_ATTEMPTS.read(env, maxAttempts),
                        WEBHOOK_BACKOFF.read(env, firstBackoff),
                        maxBackoff,
                        timeout,
                        redeliverWithin)
                .validate();
    }

    public WebhookSettings validate() {
        WEBHOOK_MAX_ATTEMPTS.check(maxAttempts);
        if (firstBackoff.isNegative() || firstBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("LIVEMOD_WEBHOOK_BACKOFF_SECONDS: must be 0.." + maxBackoff.toSeconds()
                    + ", got " + firstBackoff.toSeconds());
        }
        return this;
    }

    /** The wait after failed attempt {@code n} (1-based). */
    public Duration backoff(int n) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(n - 1, 30));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}

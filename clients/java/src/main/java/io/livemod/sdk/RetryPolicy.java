package io.livemod.sdk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry: attempt n (from 1) that fails waits
 * {@code min(maxDelay, initialDelay × 2^(n-1))} plus up to a quarter more at random (so many
 * clients do not retry in step), and at least what the gateway's {@code Retry-After} says.
 * Network errors, 408, 429 and 5xx are retried; every other answer is final.
 *
 * @param maxAttempts  attempts in all, at least 1
 * @param initialDelay the wait after the first failure
 * @param maxDelay     the longest wait the backoff reaches (Retry-After may ask for more)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    /** Six attempts, 250 ms doubling to 8 s: about half a minute of trying. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(8));
    /** One attempt: every failure is reported at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** Checks the values. */
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts: at least 1");
        if (initialDelay.isNegative() || maxDelay.isNegative())
            throw new IllegalArgumentException("delays: must not be negative");
    }

    /**
     * @param attempt           the attempt that just failed, from 1
     * @param retryAfterSeconds the gateway's Retry-After, or 0
     * @return how long to wait before the next attempt
     */
    public Duration delay(int attempt, int retryAfterSeconds) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 30);
        long backoff = Math.min(maxDelay.toMillis(), Math.max(0, base));
        long jittered = backoff + (backoff > 3 ? ThreadLocalRandom.current().nextLong(backoff / 4 + 1) : 0);
        return Duration.ofMillis(Math.max(jittered, retryAfterSeconds * 1000L));
    }

    /**
     * @param status an HTTP status, 0 for no answer
     * @return whether the same request may succeed later
     */
    public static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}

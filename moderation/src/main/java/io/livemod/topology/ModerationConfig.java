package io.livemod.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the moderation Streams application. Defaults live in {@link #defaults}; environment
 * variables override them ({@link #fromEnv}); {@link #validate} gives a one-line reason on failure.
 */
public record ModerationConfig(String bootstrap, String applicationId, Path stateDir, int threads,
                               String guarantee, Duration commitInterval) {

    public static ModerationConfig defaults(String bootstrap, Path stateDir) {
        return new ModerationConfig(bootstrap, "livemod-moderation", stateDir, 2, "exactly_once_v2", Duration.ofMillis(100));
    }

    /** LIVEMOD_APPLICATION_ID, LIVEMOD_STREAMS_THREADS, LIVEMOD_PROCESSING_GUARANTEE, LIVEMOD_COMMIT_INTERVAL_MS. */
    public ModerationConfig withEnv(Function<String, String> env) {
        String app = or(env.apply("LIVEMOD_APPLICATION_ID"), applicationId);
        int n = parseInt("LIVEMOD_STREAMS_THREADS", env.apply("LIVEMOD_STREAMS_THREADS"), threads);
        String g = or(env.apply("LIVEMOD_PROCESSING_GUARANTEE"), guarantee);
        long commit = parseInt("LIVEMOD_COMMIT_INTERVAL_MS", env.apply("LIVEMOD_COMMIT_INTERVAL_MS"), (int) commitInterval.toMillis());
        return new ModerationConfig(bootstrap, app, stateDir, n, g, Duration.ofMillis(commit));
    }

    public static ModerationConfig fromEnv(String bootstrap, Path stateDir) {
        return defaults(bootstrap, stateDir).withEnv(System::getenv);
    }

    public ModerationConfig validate() {
        if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("bootstrap: Kafka bootstrap address is required");
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads: must be 1..64, got " + threads);
        if (!Map.of("exactly_once_v2", 1, "at_least_once", 1).containsKey(guarantee)) {
            throw new IllegalArgumentException("guarantee: exactly_once_v2 or at_least_once, got " + guarantee);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) throw new IllegalArgumentException("commitInterval: must be positive");
        return this;
    }

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static int parseInt(String name, String v, int dflt) {
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + v);
        }
    }
}

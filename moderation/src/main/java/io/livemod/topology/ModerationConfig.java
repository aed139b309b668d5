package io.livemod.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of the moderation Streams application. Defaults live in {@link #defaults}; environment
 * variables override them ({@link #fromEnv}); {@link #validate} gives a one-line reason on failure.
 *
 * @param sessionTimeout how long the group waits for a silent instance before moving its partitions
 *                       (a crashed instance's work resumes elsewhere after this)
 * @param rocksDbCacheBytes the one block cache and memtable budget shared by every RocksDB store of the process
 * @param standbyReplicas  warm copies of each task's state kept on other instances (Streams' num.standby.replicas):
 *                         a failed instance's tasks resume on a standby without replaying the changelogs;
 *                         0 on one node, where there is no other instance to hold them
 * @param topology       topology thresholds that are not part of the rule set
 */
public record ModerationConfig(String bootstrap, String applicationId, Path stateDir, int threads,
                               String guarantee, Duration commitInterval, Duration sessionTimeout,
                               long rocksDbCacheBytes, int standbyReplicas, TopologySettings topology) {

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    /**
     * Commits every 100 ms. Under exactly-once a flag is readable only once its transaction commits,
     * so the interval is much of a flag's latency, but each commit costs the stream threads and the
     * broker: 50 ms took the load test's end-to-end p99 at 1,000 comments/s from 230-279 to 142-258 ms
     * and at 3,000/s from 695 to 1,472 ms (BENCHMARKS.md, "Third round"). Floods are when it matters,
     * so capacity wins; LIVEMOD_COMMIT_INTERVAL_MS=50 suits a deployment far below its capacity.
     */
    public static ModerationConfig defaults(String bootstrap, Path stateDir) {
        return new ModerationConfig(bootstrap, "livemod-moderation", stateDir, 2, "exactly_once_v2", Duration.ofMillis(100),
                Duration.ofSeconds(15), 64L << 20, 0, TopologySettings.DEFAULTS);
    }

    /**
     * LIVEMOD_APPLICATION_ID, LIVEMOD_STREAMS_THREADS, LIVEMOD_PROCESSING_GUARANTEE, LIVEMOD_COMMIT_INTERVAL_MS,
     * LIVEMOD_SESSION_TIMEOUT_MS, LIVEMOD_ROCKSDB_CACHE_MB, LIVEMOD_STANDBY_REPLICAS.
     */
    public ModerationConfig withEnv(Function<String, String> env) {
        String app = or(env.apply("LIVEMOD_APPLICATION_ID"), applicationId);
        int n = parseInt("LIVEMOD_STREAMS_THREADS", env.apply("LIVEMOD_STREAMS_THREADS"), threads);
        String g = or(env.apply("LIVEMOD_PROCESSING_GUARANTEE"), guarantee);
        long commit = parseInt("LIVEMOD_COMMIT_INTERVAL_MS", env.apply("LIVEMOD_COMMIT_INTERVAL_MS"), (int) commitInterval.toMillis());
        long session = parseInt("LIVEMOD_SESSION_TIMEOUT_MS", env.apply("LIVEMOD_SESSION_TIMEOUT_MS"), (int) sessionTimeout.toMillis());
        long cacheMb = parseInt("LIVEMOD_ROCKSDB_CACHE_MB", env.apply("LIVEMOD_ROCKSDB_CACHE_MB"), (int) (rocksDbCacheBytes >> 20));
        int standbys = parseInt("LIVEMOD_STANDBY_REPLICAS", env.apply("LIVEMOD_STANDBY_REPLICAS"), standbyReplicas);
        return new ModerationConfig(bootstrap, app, stateDir, n, g, Duration.ofMillis(commit), Duration.ofMillis(session),
                cacheMb << 20, standbys, topology.withEnv(env));
    }

    public static ModerationConfig fromEnv(String bootstrap, Path stateDir) {
        return defaults(bootstrap, stateDir).withEnv(System::getenv);
    }

    public ModerationConfig withApplicationId(String id) {
        return new ModerationConfig(bootstrap, id, stateDir, threads, guarantee, commitInterval, sessionTimeout, rocksDbCacheBytes, standbyReplicas, topology);
    }

    public ModerationConfig withThreads(int n) {
        return new ModerationConfig(bootstrap, applicationId, stateDir, n, guarantee, commitInterval, sessionTimeout, rocksDbCacheBytes, standbyReplicas, topology);
    }

    public ModerationConfig withSessionTimeout(Duration d) {
        return new ModerationConfig(bootstrap, applicationId, stateDir, threads, guarantee, commitInterval, d, rocksDbCacheBytes, standbyReplicas, topology);
    }

    public ModerationConfig withTopology(TopologySettings t) {
        return new ModerationConfig(bootstrap, applicationId, stateDir, threads, guarantee, commitInterval, sessionTimeout, rocksDbCacheBytes, standbyReplicas, t);
    }

    public ModerationConfig validate() {
        if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("bootstrap: Kafka bootstrap address is required");
        if (applicationId == null || applicationId.isBlank()) throw new IllegalArgumentException("applicationId: required");
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads: must be 1..64, got " + threads);
        if (!GUARANTEES.contains(guarantee)) {
            throw new IllegalArgumentException("guarantee: exactly_once_v2 or at_least_once, got " + guarantee);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) throw new IllegalArgumentException("commitInterval: must be positive");
        if (sessionTimeout.toMillis() < 6000) throw new IllegalArgumentException("sessionTimeout: at least 6000 ms (the broker's minimum)");
        if (rocksDbCacheBytes < (8L << 20)) throw new IllegalArgumentException("rocksDbCacheBytes: at least 8 MB");
        if (standbyReplicas < 0 || standbyReplicas > 5) {
            throw new IllegalArgumentException("standbyReplicas (LIVEMOD_STANDBY_REPLICAS): must be 0..5, got " + standbyReplicas);
        }
        if (topology == null) throw new IllegalArgumentException("topology: required");
        topology.validate();
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

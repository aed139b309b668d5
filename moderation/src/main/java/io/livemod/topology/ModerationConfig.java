package io.livemod.topology;

import static io.livemod.settings.StreamsCatalogue.*;

import io.livemod.settings.ProcessSettings;
import io.livemod.settings.StreamsCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of the moderation Streams application: the typed view of {@link StreamsCatalogue} (names,
 * defaults, bounds). Defaults in {@link #defaults}; the environment and config file override them
 * ({@link #fromEnv}); {@link #validate} gives a one-line reason on failure.
 *
 * @param sessionTimeout how long the group waits for a silent instance before moving its partitions
 *                       (a crashed instance's work resumes elsewhere after this)
 * @param rocksDbCacheBytes the one block cache and memtable budget shared by every RocksDB store of the process
 * @param standbyReplicas  warm copies of each task's state kept on other instances (Streams' num.standby.replicas):
 *                         a failed instance's tasks resume on a standby without replaying the changelogs;
 *                         0 on one node, where there is no other instance to hold them
 * @param fetchWait      how long a stream thread's fetch waits for comments to gather (0: answered as soon as any
 *                       arrive): at steady rates each poll otherwise brings a few records, and the per-poll
 *                       work of the threads and the broker, not the records, is most of the CPU
 * @param topology       topology thresholds that are not part of the rule set
 */
public record ModerationConfig(
        String bootstrap,
        String applicationId,
        Path stateDir,
        int threads,
        String guarantee,
        Duration commitInterval,
        Duration sessionTimeout,
        long rocksDbCacheBytes,
        int standbyReplicas,
        Duration fetchWait,
        TopologySettings topology) {

    /**
     * Commits every 100 ms. Under exactly-once a flag is readable only once its transaction commits,
     * so the interval is much of a flag's latency, but each commit costs the stream threads and the
     * broker: 50 ms took the load test's end-to-end p99 at 1,000 comments/s from 230-279 to 142-258 ms
     * and at 3,000/s from 695 to 1,472 ms (BENCHMARKS.md, "Third round"). Floods are when it matters,
     * so capacity wins; LIVEMOD_COMMIT_INTERVAL_MS=50 suits a deployment far below its capacity.
     * The other defaults are the catalogue's ({@link StreamsCatalogue}).
     */
    public static ModerationConfig defaults(String bootstrap, Path stateDir) {
        return new ModerationConfig(
                bootstrap,
                APPLICATION_ID.defaultValue(),
                stateDir,
                THREADS.defaultValue(),
                GUARANTEE.defaultValue(),
                COMMIT_INTERVAL.defaultValue(),
                SESSION_TIMEOUT.defaultValue(),
                ROCKSDB_CACHE_MB.defaultValue() << 20,
                STANDBY_REPLICAS.defaultValue(),
                FETCH_WAIT.defaultValue(),
                TopologySettings.DEFAULTS);
    }

    /** These settings with every variable of {@link StreamsCatalogue} and {@link io.livemod.settings.ThresholdCatalogue} that is set. */
    public ModerationConfig withEnv(Function<String, String> env) {
        return new ModerationConfig(
                bootstrap,
                APPLICATION_ID.read(env, applicationId),
                stateDir,
                THREADS.read(env, threads),
                GUARANTEE.read(env, guarantee),
                COMMIT_INTERVAL.read(env, commitInterval),
                SESSION_TIMEOUT.read(env, sessionTimeout),
                ROCKSDB_CACHE_MB.read(env, rocksDbCacheBytes >> 20) << 20,
                STANDBY_REPLICAS.read(env, standbyReplicas),
                FETCH_WAIT.read(env, fetchWait),
                topology.withEnv(env));
    }

    /** The defaults under this process's settings: its environment over its config file. */
    public static ModerationConfig fromEnv(String bootstrap, Path stateDir) {
        return defaults(bootstrap, stateDir).withEnv(ProcessSettings.source());
    }

    public ModerationConfig withApplicationId(String id) {
        return new ModerationConfig(
                bootstrap,
                id,
                stateDir,
                threads,
                guarantee,
                commitInterval,
                sessionTimeout,
                rocksDbCacheBytes,
                standbyReplicas,
                fetchWait,
                topology);
    }

    public ModerationConfig withThreads(int n) {
        return new ModerationConfig(
                bootstrap,
                applicationId,
                stateDir,
                n,
                guarantee,
                commitInterval,
                sessionTimeout,
                rocksDbCacheBytes,
                standbyReplicas,
                fetchWait,
                topology);
    }

    public ModerationConfig withSessionTimeout(Duration d) {
        return new ModerationConfig(
                bootstrap,
                applicationId,
                stateDir,
                threads,
                guarantee,
                commitInterval,
                d,
                rocksDbCacheBytes,
                standbyReplicas,
                fetchWait,
                topology);
    }

    public ModerationConfig withTopology(TopologySettings t) {
        return new ModerationConfig(
                bootstrap,
                applicationId,
                stateDir,
                threads,
                guarantee,
                commitInterval,
                sessionTimeout,
                rocksDbCacheBytes,
                standbyReplicas,
                fetchWait,
                t);
    }

    public ModerationConfig validate() {
        if (bootstrap == null || bootstrap.isBlank())
            throw new IllegalArgumentException("bootstrap: Kafka bootstrap address is required");
        APPLICATION_ID.check(applicationId == null || applicationId.isBlank() ? null : applicationId);
        THREADS.check(threads);
        GUARANTEE.check(guarantee);
        COMMIT_INTERVAL.check(commitInterval);
        SESSION_TIMEOUT.check(sessionTimeout);
        ROCKSDB_CACHE_MB.check(rocksDbCacheBytes >> 20);
        STANDBY_REPLICAS.check(standbyReplicas);
        FETCH_WAIT.check(fetchWait);
        if (topology == null) throw new IllegalArgumentException("topology: required");
        topology.validate();
        return this;
    }
}

package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static io.livemod.settings.Role.MODERATION;
import static io.livemod.settings.Role.TOOLS;
import static java.time.temporal.ChronoUnit.MILLIS;

import java.time.Duration;
import java.util.List;

/** The moderation role's Kafka Streams application, its readiness, and the partitions of topics created at start. */
public final class StreamsCatalogue {
    private StreamsCatalogue() {}

    public static final Setting<String> APPLICATION_ID = Setting.text(
                    "applicationId", "LIVEMOD_APPLICATION_ID", "livemod-moderation")
            .fieldStyle()
            .doc("Streams application id (instances with one id share the work)")
            .roles(MODERATION);
    public static final Setting<Integer> THREADS = Setting.integer("threads", "LIVEMOD_STREAMS_THREADS", 2)
            .range(1, 64)
            .fieldStyle()
            .doc(
                    "Streams threads per instance; at a steady few thousand comments a second one thread costs a little less "
                            + "CPU and has a lower tail (half the polls and transactions), two have twice the capacity off a backlog "
                            + "(BENCHMARKS.md)")
            .roles(MODERATION);
    public static final Setting<String> GUARANTEE = Setting.text(
                    "guarantee", "LIVEMOD_PROCESSING_GUARANTEE", "exactly_once_v2")
            .choices("exactly_once_v2", "at_least_once")
            .fieldStyle()
            .doc("processing guarantee")
            .roles(MODERATION);
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration(
                    "commitInterval", "LIVEMOD_COMMIT_INTERVAL_MS", MILLIS, 100)
            .atLeast(1)
            .fieldStyle()
            .roles(MODERATION)
            .doc(
                    "commit interval (under exactly-once, much of a flag's latency; 50 lowers it at moderate rates and costs capacity, see BENCHMARKS.md)");
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration(
                    "sessionTimeout", "LIVEMOD_SESSION_TIMEOUT_MS", MILLIS, 15_000)
            .atLeast(6000)
            .why("the broker's minimum")
            .fieldStyle()
            .doc("Streams session timeout: how soon a dead instance's partitions move")
            .roles(MODERATION);
    public static final Setting<Long> ROCKSDB_CACHE_MB = Setting.whole("rocksDbCacheMb", "LIVEMOD_ROCKSDB_CACHE_MB", 64)
            .atLeast(8)
            .unit("MB")
            .fieldStyle()
            .doc("RocksDB block cache + memtables, whole process")
            .roles(MODERATION);
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer(
                    "standbyReplicas", "LIVEMOD_STANDBY_REPLICAS", 0)
            .range(0, 5)
            .fieldStyle()
            .defaultDoc("0 (one node); 1 in the Kubernetes manifests")
            .roles(MODERATION)
            .doc(
                    "standby replicas: warm copies of each task's state on other moderation instances (Streams' `num.standby.replicas`), "
                            + "so a dead instance's tasks resume without replaying changelogs");
    public static final Setting<Duration> FETCH_WAIT = Setting.duration(
                    "fetchWait", "LIVEMOD_FETCH_WAIT_MS", MILLIS, 25)
            .range(0, 500)
            .fieldStyle()
            .roles(MODERATION)
            .doc("how long a stream thread's fetch waits for comments to gather (0: answered as soon as any arrive); "
                    + "fewer, fuller polls at steady rates, at up to this much latency per hop; costs ~0.1 core on an idle node, "
                    + "so 0 suits a deployment idle most of the day (BENCHMARKS.md)");
    public static final Setting<Long> READY_MAX_LAG = Setting.whole("readyMaxLag", "LIVEMOD_READY_MAX_LAG", 10_000)
            .atLeast(0)
            .doc("moderation readiness: most records any owned partition may lag")
            .roles(MODERATION);
    public static final Setting<String> TOPIC_PARTITIONS = Setting.text(
                    "topicPartitions", "LIVEMOD_TOPIC_PARTITIONS", null)
            .doc("partitions of topics created at start, by short name (`comments=4,flags=2,...`)")
            .boundsDoc("1..1000 each")
            .defaultDoc("the registry's (table above); one-node counts in `run`")
            .roles(GATEWAY, MODERATION, TOOLS);

    static final List<Setting<?>> ALL = List.of(
            APPLICATION_ID,
            THREADS,
            GUARANTEE,
            COMMIT_INTERVAL,
            SESSION_TIMEOUT,
            ROCKSDB_CACHE_MB,
            STANDBY_REPLICAS,
            FETCH_WAIT,
            READY_MAX_LAG,
            TOPIC_PARTITIONS);
}

package io.livemod.server.health;

import io.livemod.topology.ModerationApp;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether a moderation instance is fit for traffic: Streams RUNNING and its consumer no further
 * behind than {@code maxLag} records on any partition it owns. An instance replaying a backlog
 * after a crash is alive but not ready, so a load balancer or operator does not count on it yet.
 */
public final class ModerationHealth {
    /** Default bound, LIVEMOD_READY_MAX_LAG: a few seconds of a busy partition. */
    public static final long DEFAULT_MAX_LAG = 10_000;

    private final ModerationApp app;
    private final long maxLag;

    public ModerationHealth(ModerationApp app, long maxLag) {
        if (maxLag < 0) throw new IllegalArgumentException("maxLag: must be >= 0, got " + maxLag);
        this.app = app;
        this.maxLag = maxLag;
    }

    public record Status(KafkaStreams.State state, long lag, boolean ready) {
        String json() {
            return "{\"status\":\"" + (ready ? "ready" : "starting") + "\",\"streams\":\"" + state + "\",\"lag\":" + lag
                    + "}";
        }
    }

    public Status status() {
        KafkaStreams.State state = app.state();
        long lag = lag();
        return new Status(state, lag, state == KafkaStreams.State.RUNNING && lag <= maxLag);
    }

    public long maxLag() {
        return maxLag;
    }

    /**
     * The largest per-partition lag of the main consumers, from the client's own fetch metrics (no
     * broker round trip per probe). Restore and global consumers are left out: restoring a store is
     * the REBALANCING state's business, not lag.
     */
    public long lag() {
        return maxRecordsLag(app.streams().metrics());
    }

    static long maxRecordsLag(Map<MetricName, ? extends Metric> metrics) {
        long max = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (!"records-lag".equals(n.name()) || !"consumer-fetch-manager-metrics".equals(n.group())) continue;
            String client = n.tags().getOrDefault("client-id", "");
            if (client.contains("restore-consumer") || client.contains("global-consumer")) continue;
            if (e.getValue().metricValue() instanceof Number v && !Double.isNaN(v.doubleValue())) {
                max = Math.max(max, v.longValue());
            }
        }
        return max;
    }
}

package io.livemod.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the topology emits, {@code livemod_flags_total{kind}} and
 * {@code livemod_alerts_total{kind}}, on the global registry the gateway exports. Counted when
 * handed to the sink: a transaction that aborts and is retried counts twice, the topic does not.
 */
final class Outputs {
    private static final Map<String, Counter> FLAGS = new ConcurrentHashMap<>();
    private static final Map<String, Counter> ALERTS = new ConcurrentHashMap<>();

    private Outputs() {}

    static void flag(String kind) {
        FLAGS.computeIfAbsent(kind, k -> Metrics.counter("livemod_flags", "kind", k)).increment();
    }

    static void alert(String kind) {
        ALERTS.computeIfAbsent(kind, k -> Metrics.counter("livemod_alerts", "kind", k)).increment();
    }
}

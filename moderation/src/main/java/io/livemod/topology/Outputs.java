package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
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
    private static final Map<Flag.Kind, Counter> FLAGS = new ConcurrentHashMap<>();
    private static final Map<Alert.Kind, Counter> ALERTS = new ConcurrentHashMap<>();

    private Outputs() {}

    static void flag(Flag.Kind kind) {
        FLAGS.computeIfAbsent(kind, k -> Metrics.counter("livemod_flags", "kind", k.wire()))
                .increment();
    }

    static void alert(Alert.Kind kind) {
        ALERTS.computeIfAbsent(kind, k -> Metrics.counter("livemod_alerts", "kind", k.wire()))
                .increment();
    }
}

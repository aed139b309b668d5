package io.livemod.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka-native ingest's counters on the global registry: {@code livemod_inbound_accepted_total{platform,kind}},
 * {@code livemod_inbound_rejected_total{platform,reason}} (reason: the HTTP ingest's error code) and
 * {@code livemod_inbound_duplicates_total{platform}}. Platform tags come from topic names, which only
 * an operator creates, so their number is bounded. Counted when forwarded, like {@link Outputs}.
 */
final class InboundCounts {
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private InboundCounts() {}

    static void accepted(String platform, String kind) {
        COUNTERS.computeIfAbsent(
                        "a/" + platform + "/" + kind,
                        k -> Metrics.counter("livemod_inbound_accepted", "platform", platform, "kind", kind))
                .increment();
    }

    static void rejected(String platform, String reason) {
        COUNTERS.computeIfAbsent(
                        "r/" + platform + "/" + reason,
                        k -> Metrics.counter("livemod_inbound_rejected", "platform", platform, "reason", reason))
                .increment();
    }

    static void duplicate(String platform) {
        COUNTERS.computeIfAbsent(
                        "d/" + platform, k -> Metrics.counter("livemod_inbound_duplicates", "platform", platform))
                .increment();
    }
}

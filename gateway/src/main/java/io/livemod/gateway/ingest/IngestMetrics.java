package io.livemod.gateway.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Per-platform ingest metrics: accepted, rejected by reason, duplicates, throttled and time to
 * ack. Platform tags come only from authenticated requests, so their number is bounded by the
 * platforms; unauthenticated refusals are counted under {@code platform="-"}.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry, InFlight inFlight) {
        this.registry = registry;
        Gauge.builder("livemod_ingest_inflight_bytes", inFlight, InFlight::bytes)
                .description("bytes of ingest requests being processed")
                .register(registry);
    }

    /** Comments and stream events together: the per-topic split is on Kafka's own metrics. */
    public void accepted(String platform, int n) {
        if (n > 0)
            registry.counter("livemod_ingest_accepted", "platform", platform).increment(n);
    }

    public void rejected(String platform, String reason) {
        registry.counter("livemod_ingest_rejected", "platform", platform, "reason", reason)
                .increment();
    }

    public void duplicates(String platform, int n) {
        if (n > 0)
            registry.counter("livemod_ingest_duplicates", "platform", platform).increment(n);
    }

    public void throttled(String platform, int events) {
        registry.counter("livemod_ingest_throttled", "platform", platform).increment(events);
    }

    public void ackTime(String platform, String transport, Duration d) {
        Timer.builder("livemod_ingest_ack_seconds")
                .description("receipt to acknowledgement of a batch (acks=all)")
                .tags("platform", platform, "transport", transport)
                .publishPercentileHistogram()
                .register(registry)
                .record(d);
    }
}

package io.livemod.gateway.audit;

import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.KafkaWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What a route that changes something needs to record the change: the one Kafka writer, the audit
 * log, read-your-writes against its feature's projection ({@link Applied}), the clock and metrics.
 * One per feature (the {@link Applied} is the feature's), handed to each of its routes.
 */
public record Changes(KafkaWriter writer, AuditLog audit, Applied applied, Clock clock, MeterRegistry metrics) {}

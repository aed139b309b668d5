package io.livemod.gateway.ingest;

import static io.livemod.gateway.EnvNumbers.number;

import io.livemod.gateway.quota.Quota;

import java.time.Duration;
import java.util.function.Function;

/**
 * Ingest settings of one gateway.
 *
 * @param defaultQuota     per platform, unless the platform has its own (POST /v1/platforms)
 * @param dedupeTtl        how long an event id is remembered after Kafka acked it
 * @param dedupeMaxKeys    in-memory dedupe only: the most ids kept (bounds memory; Redis keeps all for the TTL)
 * @param pendingTtl       how long an id stays reserved while its write is in flight; above the producer's delivery timeout
 * @param maxInFlightBytes ingest bytes this gateway processes at once; beyond, 503 + Retry-After
 * @param platformInFlightBytes the same for one platform, so no platform (nor someone trickling bodies in its name) takes all
 * @param wsFramesInFlight frames of one WebSocket being written before its reads pause
 * @param secretGrace      how long a rotated-out secret keeps verifying, unless the rotation says otherwise
 * @param deliveryTimeout  how long an event may wait for Kafka's acks=all before the batch is answered 503
 */
public record IngestConfig(Quota defaultQuota, Duration dedupeTtl, long dedupeMaxKeys, Duration pendingTtl,
                           long maxInFlightBytes, long platformInFlightBytes, int wsFramesInFlight, Duration secretGrace,
                           Duration deliveryTimeout) {

    public static IngestConfig defaults() {
        return new IngestConfig(new Quota(20_000, 40_000), Duration.ofHours(24), 1_000_000, Duration.ofSeconds(30),
                64L * 1024 * 1024, 16L * 1024 * 1024, 8, Duration.ofHours(24), Duration.ofSeconds(15));
    }

    /** LIVEMOD_QUOTA_EVENTS_PER_SECOND, LIVEMOD_QUOTA_BURST, LIVEMOD_DEDUPE_TTL_SECONDS, LIVEMOD_DEDUPE_MAX_KEYS, LIVEMOD_INGEST_MAX_INFLIGHT_MB, LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB, LIVEMOD_SECRET_GRACE_SECONDS. */
    public IngestConfig withEnv(Function<String, String> env) {
        long rate = number(env, "LIVEMOD_QUOTA_EVENTS_PER_SECOND", defaultQuota.eventsPerSecond());
        long burst = number(env, "LIVEMOD_QUOTA_BURST", defaultQuota.burst());
        Quota quota;
        try {
            quota = new Quota(rate, burst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LIVEMOD_QUOTA_*: " + e.getMessage());
        }
        long maxMb = number(env, "LIVEMOD_INGEST_MAX_INFLIGHT_MB", maxInFlightBytes / (1024 * 1024));
        return new IngestConfig(quota,
                Duration.ofSeconds(number(env, "LIVEMOD_DEDUPE_TTL_SECONDS", dedupeTtl.toSeconds())),
                number(env, "LIVEMOD_DEDUPE_MAX_KEYS", dedupeMaxKeys), pendingTtl,
                maxMb * 1024 * 1024,
                number(env, "LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB", Math.min(maxMb, platformInFlightBytes / (1024 * 1024))) * 1024 * 1024,
                wsFramesInFlight,
                Duration.ofSeconds(number(env, "LIVEMOD_SECRET_GRACE_SECONDS", secretGrace.toSeconds())), deliveryTimeout);
    }

    public IngestConfig withQuota(Quota q) {
        return new IngestConfig(q, dedupeTtl, dedupeMaxKeys, pendingTtl, maxInFlightBytes, platformInFlightBytes, wsFramesInFlight, secretGrace, deliveryTimeout);
    }

    /** Tests: a dead broker is noticed sooner. */
    public IngestConfig withDeliveryTimeout(Duration d) {
        return new IngestConfig(defaultQuota, dedupeTtl, dedupeMaxKeys, pendingTtl, maxInFlightBytes, platformInFlightBytes, wsFramesInFlight, secretGrace, d);
    }

    public IngestConfig withMaxInFlightBytes(long bytes) {
        return new IngestConfig(defaultQuota, dedupeTtl, dedupeMaxKeys, pendingTtl, bytes, Math.min(bytes, platformInFlightBytes),
                wsFramesInFlight, secretGrace, deliveryTimeout);
    }

    public IngestConfig withPlatformInFlightBytes(long bytes) {
        return new IngestConfig(defaultQuota, dedupeTtl, dedupeMaxKeys, pendingTtl, maxInFlightBytes, bytes, wsFramesInFlight, secretGrace, deliveryTimeout);
    }

    public IngestConfig validate() {
        if (defaultQuota == null) throw new IllegalArgumentException("quota: a default quota is required");
        if (dedupeTtl.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("LIVEMOD_DEDUPE_TTL_SECONDS: at least 60, got " + dedupeTtl.toSeconds());
        if (dedupeMaxKeys < 1000) throw new IllegalArgumentException("LIVEMOD_DEDUPE_MAX_KEYS: at least 1000, got " + dedupeMaxKeys);
        if (deliveryTimeout.compareTo(Duration.ofSeconds(1)) < 0 || deliveryTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("deliveryTimeout: 1 s..2 min, got " + deliveryTimeout);
        }
        if (pendingTtl.compareTo(deliveryTimeout.plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("pendingTtl: must exceed the Kafka delivery timeout (" + deliveryTimeout.toSeconds() + " s) by 5 s");
        }
        if (maxInFlightBytes < 1024 * 1024 || maxInFlightBytes > io.livemod.gateway.kafka.KafkaWriter.BUFFER_MEMORY * 3 / 4) {
            throw new IllegalArgumentException("LIVEMOD_INGEST_MAX_INFLIGHT_MB: 1.." + io.livemod.gateway.kafka.KafkaWriter.BUFFER_MEMORY * 3 / 4 / (1024 * 1024) + " (below the producer buffer)");
        }
        if (platformInFlightBytes < 1024 * 1024 || platformInFlightBytes > maxInFlightBytes) {
            throw new IllegalArgumentException("LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB: 1.." + maxInFlightBytes / (1024 * 1024) + " (at most the gateway's)");
        }
        if (wsFramesInFlight < 1) throw new IllegalArgumentException("wsFramesInFlight: at least 1");
        if (secretGrace.isNegative() || secretGrace.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("LIVEMOD_SECRET_GRACE_SECONDS: 0..2592000, got " + secretGrace.toSeconds());
        }
        return this;
    }
}

package io.livemod.gateway.ingest;

import static io.livemod.settings.IngestCatalogue.*;

import io.livemod.gateway.quota.Quota;
import io.livemod.settings.IngestCatalogue;
import java.time.Duration;
import java.util.function.Function;

/**
 * Ingest settings of one gateway: the typed view of {@link IngestCatalogue}.
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
public record IngestConfig(
        Quota defaultQuota,
        Duration dedupeTtl,
        long dedupeMaxKeys,
        Duration pendingTtl,
        long maxInFlightBytes,
        long platformInFlightBytes,
        int wsFramesInFlight,
        Duration secretGrace,
        Duration deliveryTimeout) {

    private static final long MB = 1024 * 1024;

    /** The catalogue's defaults ({@link IngestCatalogue}); the pending TTL, frames in flight and delivery timeout are not settings. */
    public static IngestConfig defaults() {
        return new IngestConfig(
                new Quota(QUOTA_EVENTS_PER_SECOND.defaultValue(), QUOTA_BURST.defaultValue()),
                DEDUPE_TTL.defaultValue(),
                DEDUPE_MAX_KEYS.defaultValue(),
                Duration.ofSeconds(30),
                MAX_INFLIGHT_MB.defaultValue() * MB,
                PLATFORM_INFLIGHT_MB.defaultValue() * MB,
                8,
                SECRET_GRACE.defaultValue(),
                Duration.ofSeconds(15));
    }

    /** These settings with every variable of {@link IngestCatalogue} that is set taking the place of its value. */
    public IngestConfig withEnv(Function<String, String> env) {
        Quota quota = new Quota(
                QUOTA_EVENTS_PER_SECOND.read(env, defaultQuota.eventsPerSecond()),
                QUOTA_BURST.read(env, defaultQuota.burst()));
        long maxMb = MAX_INFLIGHT_MB.read(env, maxInFlightBytes / MB);
        return new IngestConfig(
                quota,
                DEDUPE_TTL.read(env, dedupeTtl),
                DEDUPE_MAX_KEYS.read(env, dedupeMaxKeys),
                pendingTtl,
                maxMb * MB,
                PLATFORM_INFLIGHT_MB.read(env, Math.min(maxMb, platformInFlightBytes / MB)) * MB,
                wsFramesInFlight,
                SECRET_GRACE.read(env, secretGrace),
                deliveryTimeout);
    }

    public IngestConfig withQuota(Quota q) {
        return new IngestConfig(
                q,
                dedupeTtl,
                dedupeMaxKeys,
                pendingTtl,
                maxInFlightBytes,
                platformInFlightBytes,
                wsFramesInFlight,
                secretGrace,
                deliveryTimeout);
    }

    /** Tests: a dead broker is noticed sooner. */
    public IngestConfig withDeliveryTimeout(Duration d) {
        return new IngestConfig(
                defaultQuota,
                dedupeTtl,
                dedupeMaxKeys,
                pendingTtl,
                maxInFlightBytes,
                platformInFlightBytes,
                wsFramesInFlight,
                secretGrace,
                d);
    }

    public IngestConfig withMaxInFlightBytes(long bytes) {
        return new IngestConfig(
                defaultQuota,
                dedupeTtl,
                dedupeMaxKeys,
                pendingTtl,
                bytes,
                Math.min(bytes, platformInFlightBytes),
                wsFramesInFlight,
                secretGrace,
                deliveryTimeout);
    }

    public IngestConfig withPlatformInFlightBytes(long bytes) {
        return new IngestConfig(
                defaultQuota,
                dedupeTtl,
                dedupeMaxKeys,
                pendingTtl,
                maxInFlightBytes,
                bytes,
                wsFramesInFlight,
                secretGrace,
                deliveryTimeout);
    }

    public IngestConfig validate() {
        if (defaultQuota == null) throw new IllegalArgumentException("quota: a default quota is required");
        DEDUPE_TTL.check(dedupeTtl);
        DEDUPE_MAX_KEYS.check(dedupeMaxKeys);
        if (deliveryTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || deliveryTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("deliveryTimeout: 1 s..2 min, got " + deliveryTimeout);
        }
        if (pendingTtl.compareTo(deliveryTimeout.plusSeconds(5)) < 0) {
            throw new IllegalArgumentException("pendingTtl: must exceed the Kafka delivery timeout ("
                    + deliveryTimeout.toSeconds() + " s) by 5 s");
        }
        // In whole MB, as the variable gives them: a value built in code below 1 MB is refused as 0.
        MAX_INFLIGHT_MB.check(maxInFlightBytes / MB);
        if (platformInFlightBytes < MB || platformInFlightBytes > maxInFlightBytes) {
            throw new IllegalArgumentException(
                    "LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB: 1.." + maxInFlightBytes / MB + " (at most the gateway's)");
        }
        if (wsFramesInFlight < 1) throw new IllegalArgumentException("wsFramesInFlight: at least 1");
        SECRET_GRACE.check(secretGrace);
        return this;
    }
}

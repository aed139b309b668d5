package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.util.List;

/** The gateway's ingest: default quotas, dedupe memory, bytes in flight, and the platforms' secrets. */
public final class IngestCatalogue {
    private IngestCatalogue() {}

    public static final Setting<Long> QUOTA_EVENTS_PER_SECOND = Setting.whole(
                    "quotaEventsPerSecond", "LIVEMOD_QUOTA_EVENTS_PER_SECOND", 20_000)
            .atLeast(1)
            .doc("default quota per platform: events per second (a platform's own quota wins)")
            .roles(GATEWAY);
    public static final Setting<Long> QUOTA_BURST = Setting.whole("quotaBurst", "LIVEMOD_QUOTA_BURST", 40_000)
            .atLeast(1)
            .doc("default quota per platform: burst")
            .roles(GATEWAY);
    public static final Setting<Duration> DEDUPE_TTL = Setting.duration(
                    "dedupeTtl", "LIVEMOD_DEDUPE_TTL_SECONDS", SECONDS, 86_400)
            .atLeast(60)
            .doc("how long an event id is remembered after Kafka acked it")
            .roles(GATEWAY);
    public static final Setting<Long> DEDUPE_MAX_KEYS = Setting.whole(
                    "dedupeMaxKeys", "LIVEMOD_DEDUPE_MAX_KEYS", 1_000_000)
            .atLeast(1000)
            .doc("most event ids an in-memory gateway remembers (Redis keeps all for the TTL)")
            .roles(GATEWAY);
    /** 72: three quarters of the producer's 96 MiB buffer (KafkaWriter.BUFFER_MEMORY; a gateway test holds them together). */
    public static final Setting<Long> MAX_INFLIGHT_MB = Setting.whole(
                    "maxInFlightMb", "LIVEMOD_INGEST_MAX_INFLIGHT_MB", 64)
            .range(1, 72)
            .unit("MB")
            .why("below the producer's 96 MiB buffer")
            .doc("ingest bytes one gateway processes at once; beyond, 503 + Retry-After")
            .roles(GATEWAY);

    public static final Setting<Long> PLATFORM_INFLIGHT_MB = Setting.whole(
                    "platformInFlightMb", "LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB", 16)
            .atLeast(1)
            .unit("MB")
            .boundsDoc("1..the gateway's")
            .defaultDoc("16 (at most the gateway's)")
            .doc("the same for one platform, so no platform takes all")
            .roles(GATEWAY);
    public static final Setting<Duration> SECRET_GRACE = Setting.duration(
                    "secretGrace", "LIVEMOD_SECRET_GRACE_SECONDS", SECONDS, 86_400)
            .range(0, 2_592_000)
            .doc("how long a rotated-out platform secret keeps verifying")
            .roles(GATEWAY);
    public static final Setting<String> SECRETS_KEY = Setting.secret("secretsKey", "LIVEMOD_SECRETS_KEY")
            .doc("key that seals platform secrets on the platforms topic, the same on every gateway")
            .boundsDoc("≥ 32 bytes")
            .defaultDoc("**required outside dev mode**; a fixed dev key in dev mode, refused elsewhere")
            .roles(GATEWAY);

    static final List<Setting<?>> ALL = List.of(
            QUOTA_EVENTS_PER_SECOND,
            QUOTA_BURST,
            DEDUPE_TTL,
            DEDUPE_MAX_KEYS,
            MAX_INFLIGHT_MB,
            PLATFORM_INFLIGHT_MB,
            SECRET_GRACE,
            SECRETS_KEY);
}

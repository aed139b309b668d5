package io.livemod.gateway.ingest;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.dedupe.Dedupe;
import io.livemod.gateway.dedupe.MemoryDedupe;
import io.livemod.gateway.dedupe.RedisDedupe;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.platform.PlatformRoutes;
import io.livemod.gateway.platform.PlatformStore;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.platform.SecretSeal;
import io.livemod.gateway.quota.MemoryQuotaLimiter;
import io.livemod.gateway.quota.QuotaLimiter;
import io.livemod.gateway.quota.RedisQuotaLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import redis.clients.jedis.RedisClient;

/**
 * Everything platform-facing, wired once: signed HTTP and WebSocket ingest, quotas and dedupe (in
 * Redis when the gateway has one, else in memory), the platforms projection and admin routes.
 */
public final class IngestModule {
    private final PlatformStore store;
    private final PlatformAuth platformAuth;
    private final IngestRoutes httpRoutes;
    private final IngestSocket socket;
    private final PlatformRoutes platformRoutes;

    public IngestModule(
            Vertx vertx,
            GatewayConfig gateway,
            Platforms platforms,
            KafkaWriter writer,
            TopicFeeds feeds,
            RedisClient redis,
            Clock clock,
            MeterRegistry registry,
            java.util.function.Function<String, String> env) {
        IngestConfig config = gateway.ingest().validate();
        InFlight inFlight = new InFlight(config.maxInFlightBytes(), config.platformInFlightBytes());
        IngestMetrics metrics = new IngestMetrics(registry, inFlight);
        Dedupe dedupe = redis == null
                ? new MemoryDedupe(clock, config.pendingTtl(), config.dedupeTtl(), config.dedupeMaxKeys())
                : new RedisDedupe(vertx, redis, config.pendingTtl(), config.dedupeTtl());
        QuotaLimiter quotas =
                redis == null ? new MemoryQuotaLimiter(clock) : new RedisQuotaLimiter(vertx, redis, clock);
        BatchProcessor processor = new BatchProcessor(writer, quotas, config.defaultQuota(), dedupe, metrics);
        this.store = new PlatformStore(feeds, platforms, writer, SecretSeal.fromEnv(env, gateway.devMode()));
        this.platformAuth = new PlatformAuth(
                platforms,
                clock,
                gateway.replayWindow(),
                metrics,
                ReplayGuard.create(vertx, redis, clock, gateway.replayWindow()));
        AuditLog audit = new AuditLog(writer, clock);
        this.httpRoutes = new IngestRoutes(processor, inFlight, metrics, clock);
        this.socket = new IngestSocket(processor, platforms, inFlight, metrics, clock, config.wsFramesInFlight());
        this.platformRoutes = new PlatformRoutes(store, audit, clock, config.secretGrace(), config.defaultQuota());
    }

    /** Signed batches over HTTP. */
    public IngestRoutes httpRoutes() {
        return httpRoutes;
    }

    /** Signed batches over a WebSocket. */
    public IngestSocket socket() {
        return socket;
    }

    /** The platforms' admin routes. */
    public PlatformRoutes platformRoutes() {
        return platformRoutes;
    }

    /** The platform signature check, for other routes platforms call (takedown answers). */
    public PlatformAuth platformAuth() {
        return platformAuth;
    }

    /** The platforms projection has caught up: signatures verify against every known platform. */
    public boolean ready() {
        return store.isCaughtUp();
    }
}

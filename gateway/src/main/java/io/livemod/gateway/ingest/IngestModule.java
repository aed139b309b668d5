package io.livemod.gateway.ingest;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.dedupe.Dedupe;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.dedupe.MemoryDedupe;
import io.livemod.gateway.dedupe.RedisDedupe;
import io.livemod.gateway.platform.PlatformRoutes;
import io.livemod.gateway.platform.PlatformStore;
import io.livemod.gateway.platform.SecretSeal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.quota.MemoryQuotaLimiter;
import io.livemod.gateway.quota.QuotaLimiter;
import io.livemod.gateway.quota.RedisQuotaLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import redis.clients.jedis.RedisClient;

import java.time.Clock;

/**
 * Everything platform-facing, wired once: signed HTTP and WebSocket ingest, quotas and dedupe (in
 * Redis when the gateway has one, else in memory), the platforms projection and admin routes.
 */
public final class IngestModule {
    private final IngestConfig config;
    private final PlatformStore store;
    private final BatchProcessor processor;
    private final InFlight inFlight;
    private final IngestMetrics metrics;
    private final PlatformAuth platformAuth;
    private final Platforms platforms;
    private final AuditLog audit;
    private final Clock clock;

    public IngestModule(Vertx vertx, GatewayConfig gateway, Platforms platforms, KafkaWriter writer, TopicFeeds feeds, RedisClient redis,
                        Clock clock, MeterRegistry registry, java.util.function.Function<String, String> env) {
        this.config = gateway.ingest().validate();
        this.platforms = platforms;
        this.clock = clock;
        this.inFlight = new InFlight(config.maxInFlightBytes(), config.platformInFlightBytes());
        this.metrics = new IngestMetrics(registry, inFlight);
        Dedupe dedupe = redis == null
                ? new MemoryDedupe(clock, config.pendingTtl(), config.dedupeTtl(), config.dedupeMaxKeys())
                : new RedisDedupe(vertx, redis, config.pendingTtl(), config.dedupeTtl());
        QuotaLimiter quotas = redis == null ? new MemoryQuotaLimiter(clock) : new RedisQuotaLimiter(vertx, redis, clock);
        this.processor = new BatchProcessor(writer, quotas, config.defaultQuota(), dedupe, metrics);
        this.store = new PlatformStore(feeds, platforms, writer, SecretSeal.fromEnv(env, gateway.devMode()));
        this.platformAuth = new PlatformAuth(platforms, clock, gateway.replayWindow(), metrics,
                ReplayGuard.create(vertx, redis, clock, gateway.replayWindow()));
        this.audit = new AuditLog(writer, clock);
    }

    public void mount(Router router, Auth auth) {
        new IngestRoutes(processor, inFlight, metrics, clock).mount(router, platformAuth);
        new IngestSocket(processor, platforms, inFlight, metrics, clock, config.wsFramesInFlight()).mount(router, platformAuth);
        new PlatformRoutes(store, audit, clock, config.secretGrace(), config.defaultQuota()).mount(router, auth);
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

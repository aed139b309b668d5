package io.livemod.gateway.ingest;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.dedupe.Dedupe;
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
import io.vertx.ext.web.RoutingContext;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Everything platform-facing, wired once: signed HTTP and WebSocket ingest, quotas and dedupe (in
 * Redis when the gateway has one, else in memory), the platforms projection and admin routes, and
 * the OpenAPI document. {@link #start} blocks (Kafka consumer start): call it off the event loop.
 */
public final class IngestModule implements AutoCloseable {
    private final IngestConfig config;
    private final PlatformStore store;
    private final BatchProcessor processor;
    private final InFlight inFlight;
    private final IngestMetrics metrics;
    private final PlatformAuth platformAuth;
    private final Platforms platforms;
    private final AuditLog audit;
    private final Clock clock;
    private final byte[] openApi;

    public IngestModule(Vertx vertx, GatewayConfig gateway, Platforms platforms, EventWriter writer, RedisClient redis,
                        Clock clock, MeterRegistry registry) {
        this.config = gateway.ingest().validate();
        this.platforms = platforms;
        this.clock = clock;
        this.inFlight = new InFlight(config.maxInFlightBytes());
        this.metrics = new IngestMetrics(registry, inFlight);
        Dedupe dedupe = redis == null
                ? new MemoryDedupe(clock, config.pendingTtl(), config.dedupeTtl(), config.dedupeMaxKeys())
                : new RedisDedupe(vertx, redis, config.pendingTtl(), config.dedupeTtl());
        QuotaLimiter quotas = redis == null ? new MemoryQuotaLimiter(clock) : new RedisQuotaLimiter(vertx, redis, clock);
        this.processor = new BatchProcessor(writer, quotas, config.defaultQuota(), dedupe, metrics);
        this.store = new PlatformStore(gateway.bootstrap(), platforms, writer, SecretSeal.fromEnv(System::getenv, gateway.devMode()));
        this.platformAuth = new PlatformAuth(platforms, clock, gateway.replayWindow(), metrics);
        this.audit = new AuditLog(writer, clock);
        this.openApi = resource("/openapi.yaml");
    }

    public IngestModule start() {
        store.start();
        return this;
    }

    public void mount(Router router, Auth auth) {
        new IngestRoutes(processor, inFlight, metrics, clock).mount(router, platformAuth);
        new IngestSocket(processor, platforms, inFlight, metrics, clock, config.wsFramesInFlight()).mount(router, platformAuth);
        new PlatformRoutes(store, audit, clock, config.secretGrace(), config.defaultQuota()).mount(router, auth);
        router.get("/openapi.yaml").handler(this::openApi);
    }

    /** The platform signature check, for other routes platforms call (takedown answers). */
    public PlatformAuth platformAuth() {
        return platformAuth;
    }

    /** The platforms projection has caught up: signatures verify against every known platform. */
    public boolean ready() {
        return store.isCaughtUp();
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(io.vertx.core.buffer.Buffer.buffer(openApi));
    }

    private static byte[] resource(String name) {
        try (InputStream in = IngestModule.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the gateway jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

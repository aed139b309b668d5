package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.live.SseHub;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import redis.clients.jedis.RedisClient;

/**
 * The moderators' feature as the gateway sees it: the queue's store (Redis when configured, memory
 * otherwise), its projection from Kafka, the live feed (fed by the projection, and by claim signals
 * shared through Redis so a claim on one gateway shows on every gateway's feed) and the routes. Decisions replayed at start
 * are handed to {@link Webhooks#recover}, so a decision stored just before a crash is still delivered.
 * The queue keeps {@link ReviewSettings#horizon} of flags ({@link ReviewHorizon}).
 */
public final class Review implements AutoCloseable {
    private final Vertx vertx;
    private final FlagStore store;
    private final SseHub<FlagView> live;
    private final ReviewProjection projection;
    private final ReviewSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Webhooks webhooks;
    private final ClaimSignals signals;
    private final ReviewHorizon horizon;
    private final FlagRoutes flagRoutes;
    private final DecisionRoutes decisionRoutes;

    /** @param redis the gateway's shared client, or null for memory */
    public Review(
            Vertx vertx,
            TopicFeeds feeds,
            KafkaWriter writer,
            RedisClient redis,
            Webhooks webhooks,
            ReviewSettings settings,
            Clock clock,
            MeterRegistry metrics,
            SseHub.Limits liveLimits) {
        this.vertx = vertx;
        this.settings = settings.validate();
        this.clock = clock;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.store =
                redis == null ? new MemoryFlagStore(clock, this.settings.maxFlags()) : new RedisFlagStore(redis, clock);
        this.horizon = new ReviewHorizon(store, this.settings, clock, metrics);
        this.live = new SseHub<>(vertx, null, v -> v.flag().flagId(), FlagView::json, metrics, "flags", liveLimits);
        this.projection = new ReviewProjection(
                feeds, store, horizon.replayFrom(), this::changed, this::decisionSeen, this::arrived);
        this.signals = new ClaimSignals(redis, this::changed, metrics);
        this.flagRoutes = new FlagRoutes(vertx, store, live);
        this.decisionRoutes =
                new DecisionRoutes(vertx, store, writer, webhooks, signals, this.settings, clock, metrics);
    }

    public Review start() {
        horizon.start(vertx);
        return this;
    }

    /** Reads the flag's current view for the live feed, only when someone is watching (a Redis read each). */
    private void changed(String platform, String flagId) {
        if (live.subscribers() > 0) store.get(platform, flagId).ifPresent(live::publish);
    }

    /**
     * Comment received (by any gateway) to flag readable here: the latency a moderator sees, through
     * Kafka, the Streams commit and this projection. Replayed flags are left out.
     */
    private void arrived(io.livemod.event.Flag f) {
        io.micrometer.core.instrument.Timer.builder("livemod_flag_latency_seconds")
                .description("comment received to flag readable on this gateway (end to end)")
                .tag("platform", f.platform())
                .publishPercentileHistogram()
                .register(metrics)
                .record(java.time.Duration.ofMillis(Math.max(0, clock.millis() - f.receivedAt())));
    }

    private void decisionSeen(Decision d, boolean replayed) {
        // Live decisions were queued by the gateway that stored them; replayed ones may not have been.
        if (replayed)
            webhooks.recover(d.platform(), DecisionRoutes.WEBHOOK_TYPE, DecisionRoutes.payload(d), d.decidedAt());
    }

    /** The moderators' read side: pages, the live feed, one flag. */
    public FlagRoutes flagRoutes() {
        return flagRoutes;
    }

    /** Claim, release and decide. */
    public DecisionRoutes decisionRoutes() {
        return decisionRoutes;
    }

    public boolean isCaughtUp() {
        return projection.isCaughtUp() && signals.ready();
    }

    public FlagStore store() {
        return store;
    }

    @Override
    public void close() {
        horizon.stop(vertx);
        live.close();
        signals.close();
    }
}

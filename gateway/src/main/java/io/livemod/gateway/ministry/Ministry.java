package io.livemod.gateway.ministry;

import io.livemod.event.Json;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.live.SseHub;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * The ministry side of the gateway, wired in one place: alerts (projection, officer actions, live
 * and CAP feeds, re-escalation), takedowns (requests, platform answers, deadlines) and the summary
 * report. Its projections are fed by the gateway's topic feeds; {@link #start} starts the periodic
 * check and the hourly sweep; the gateway is ready when
 * {@link #isCaughtUp}.
 */
public final class Ministry implements AutoCloseable {
    private final MinistryConfig config;
    private final AlertProjection alertProjection;
    private final TakedownBook takedowns;
    private final ReportProjection reportProjection;
    private final AlertRoutes alertRoutes;
    private final TakedownRoutes takedownRoutes;
    private final ReportRoutes reportRoutes;
    private final Deadlines deadlines;
    private final SseHub<AlertView> live;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ministry.class);
    private static final java.time.Duration SWEEP = java.time.Duration.ofHours(1);
    private final Vertx vertx;
    private final Clock clock;
    private final Horizons horizons;
    private final MeterRegistry metrics;
    private final AlertBoard board;
    private long sweeper = -1;
    private Runnable sweepAlso;

    public Ministry(
            Vertx vertx,
            TopicFeeds feeds,
            ProjectionStore store,
            KafkaWriter writer,
            AuditLog audit,
            Platforms platforms,
            Webhooks webhooks,
            Clock clock,
            MinistryConfig config,
            Horizons horizons,
            MeterRegistry metrics,
            SseHub.Limits liveLimits) {
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.horizons = horizons;
        this.metrics = metrics;
        long now = clock.millis();
        Applied applied = new Applied(5_000);
        AlertBoard board = new AlertBoard(store, new Pseudonyms(config.pseudonymKey()));
        this.board = board;
        this.live = new SseHub<>(vertx, null, AlertView::alertId, Json::string, metrics, "alerts", liveLimits);
        Changes changes = new Changes(writer, audit, applied, clock, metrics);
        this.alertRoutes = new AlertRoutes(board, live, new CapFeed(config.capSender()), changes);
        this.alertProjection = new AlertProjection(
                feeds,
                Horizons.replayFrom(now, horizons.alerts()),
                store,
                applied,
                alertRoutes::publish,
                alertRoutes::revealed);
        this.takedowns = new TakedownBook(feeds, Horizons.replayFrom(now, horizons.takedowns()), store, applied);
        this.takedownRoutes = new TakedownRoutes(takedowns, platforms, webhooks, changes, config.takedownDeadline());
        this.reportProjection = new ReportProjection(feeds, Horizons.replayFrom(now, horizons.reports()), store);
        this.reportRoutes = new ReportRoutes(new SummaryReport(store, takedowns), clock, horizons.reports());
        this.deadlines = new Deadlines(
                vertx, board, takedowns, writer, clock, config.escalationDelay(), metrics, this::isCaughtUp);
    }

    /** Starts the periodic deadline check and the hourly sweep; the projections are fed by the gateway's {@link TopicFeeds}. */
    public Ministry start() {
        deadlines.start(config.checkInterval());
        sweeper = vertx.setPeriodic(SWEEP.toMillis(), t -> vertx.executeBlocking(
                        () -> {
                            if (sweepAlso != null) sweepAlso.run();
                            return sweep();
                        },
                        false)
                .onFailure(e -> LOG.warn("projection sweep failed: {}", e.toString())));
        return this;
    }

    /**
     * Drops what fell behind each horizon: alerts (with their state and escalations), report facts,
     * takedown requests. Blocks (Redis); runs hourly on a worker. @return how many items went
     */
    /** Something else to sweep on the same hourly worker run (the admin side's audit trail). Call before start. */
    public Ministry alsoSweeping(Runnable other) {
        this.sweepAlso = other;
        return this;
    }

    public int sweep() {
        long now = clock.millis();
        List<String> alerts =
                alertProjection.forgetBefore(now - horizons.alerts().toMillis());
        board.forget(alerts);
        int flags = reportProjection.forgetBefore(now - horizons.reports().toMillis());
        int requests = takedowns.forgetBefore(now - horizons.takedowns().toMillis());
        metrics.counter("livemod_projection_forgotten_total", "projection", "alerts")
                .increment(alerts.size());
        metrics.counter("livemod_projection_forgotten_total", "projection", "report_flags")
                .increment(flags);
        metrics.counter("livemod_projection_forgotten_total", "projection", "takedowns")
                .increment(requests);
        return alerts.size() + flags + requests;
    }

    public AlertRoutes alertRoutes() {
        return alertRoutes;
    }

    public TakedownRoutes takedownRoutes() {
        return takedownRoutes;
    }

    public ReportRoutes reportRoutes() {
        return reportRoutes;
    }

    public boolean isCaughtUp() {
        return alertProjection.isCaughtUp() && takedowns.isCaughtUp() && reportProjection.isCaughtUp();
    }

    @Override
    public void close() {
        vertx.cancelTimer(sweeper);
        deadlines.stop();
        live.close();
    }
}

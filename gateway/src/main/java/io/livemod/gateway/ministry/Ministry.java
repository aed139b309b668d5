package io.livemod.gateway.ministry;

import io.livemod.event.Json;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.ingest.EventWriter;
import io.livemod.gateway.ingest.PlatformAuth;
import io.livemod.gateway.live.SseHub;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.time.Clock;

/**
 * The ministry side of the gateway, wired in one place: alerts (projection, officer actions, live
 * and CAP feeds, re-escalation), takedowns (requests, platform answers, deadlines) and the summary
 * report. {@link #start} starts the projections and the periodic check; the gateway is ready when
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

    public Ministry(Vertx vertx, String bootstrap, ProjectionStore store, EventWriter writer, AuditLog audit, Platforms platforms,
                    Webhooks webhooks, Clock clock, MinistryConfig config, MeterRegistry metrics) {
        this.config = config;
        Applied applied = new Applied(5_000);
        AlertBoard board = new AlertBoard(store, new Pseudonyms(config.pseudonymKey()));
        this.live = new SseHub<>(vertx, null, AlertView::alertId, Json::string, metrics, "alerts");
        this.alertRoutes = new AlertRoutes(board, live, new CapFeed(config.capSender()), writer, audit, applied, clock, metrics);
        this.alertProjection = new AlertProjection(bootstrap, store, applied, alertRoutes::publish, alertRoutes::revealed);
        this.takedowns = new TakedownBook(bootstrap, store, applied);
        this.takedownRoutes = new TakedownRoutes(takedowns, platforms, webhooks, writer, audit, applied, clock, config.takedownDeadline(), metrics);
        this.reportProjection = new ReportProjection(bootstrap, store);
        this.reportRoutes = new ReportRoutes(new SummaryReport(store, takedowns), clock);
        this.deadlines = new Deadlines(vertx, board, takedowns, writer, clock, config.escalationDelay(), metrics, this::isCaughtUp);
    }

    /** Starts following the topics (own threads) and the periodic deadline check. */
    public Ministry start() {
        alertProjection.start();
        takedowns.start();
        reportProjection.start();
        deadlines.start(config.checkInterval());
        return this;
    }

    public void mount(Router router, Auth auth, PlatformAuth platformAuth) {
        alertRoutes.mount(router, auth);
        takedownRoutes.mount(router, auth, platformAuth);
        reportRoutes.mount(router, auth);
    }

    public boolean isCaughtUp() {
        return alertProjection.isCaughtUp() && takedowns.isCaughtUp() && reportProjection.isCaughtUp();
    }

    @Override
    public void close() {
        deadlines.stop();
        live.close();
        alertProjection.close();
        takedowns.close();
        reportProjection.close();
    }
}

package io.livemod.gateway.admin;

import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The admin side: rule sets and the audit log (platforms admin lives in the platform package). */
public final class Admin {
    private final RulesBook rules;
    private final AuditTrail trail;
    private final RulesRoutes rulesRoutes;
    private final AuditRoutes auditRoutes;
    private final Clock clock;
    private final java.time.Duration auditHorizon;
    private final BacktestRoute backtestRoute;

    /** @param auditHorizon how far back GET /v1/audit reaches (older entries stay on the topic) */
    public Admin(
            String bootstrap,
            KafkaWriter writer,
            TopicFeeds feeds,
            ProjectionStore store,
            AuditLog audit,
            Clock clock,
            java.time.Duration auditHorizon,
            MeterRegistry metrics) {
        Applied applied = new Applied(5_000);
        this.clock = clock;
        this.auditHorizon = auditHorizon;
        this.rules = new RulesBook(feeds, applied::done);
        this.trail =
                new AuditTrail(feeds, clock.millis() - auditHorizon.plusDays(1).toMillis(), store);
        this.rulesRoutes = new RulesRoutes(rules, new Changes(writer, audit, applied, clock, metrics));
        this.auditRoutes = new AuditRoutes(trail);
        this.backtestRoute = new BacktestRoute(rules, bootstrap, clock, metrics);
    }

    public RulesRoutes rulesRoutes() {
        return rulesRoutes;
    }

    public BacktestRoute backtestRoute() {
        return backtestRoute;
    }

    public AuditRoutes auditRoutes() {
        return auditRoutes;
    }

    /** Drops audit entries behind the horizon. Blocks (Redis): the gateway's hourly sweep calls it on a worker. */
    public void sweep() {
        trail.forgetBefore(clock.millis() - auditHorizon.toMillis());
    }

    public boolean isCaughtUp() {
        return rules.isCaughtUp() && trail.isCaughtUp();
    }
}

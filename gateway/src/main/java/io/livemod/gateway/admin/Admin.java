package io.livemod.gateway.admin;

import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.ministry.Applied;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;

import java.time.Clock;

/** The admin side: rule sets and the audit log (platforms admin lives in the platform package). */
public final class Admin implements AutoCloseable {
    private final RulesBook rules;
    private final AuditTrail trail;
    private final RulesRoutes rulesRoutes;
    private final AuditRoutes auditRoutes;

    public Admin(String bootstrap, ProjectionStore store, AuditLog audit, Clock clock, MeterRegistry metrics) {
        Applied applied = new Applied(5_000);
        this.rules = new RulesBook(bootstrap, applied::done);
        this.trail = new AuditTrail(bootstrap, store);
        this.rulesRoutes = new RulesRoutes(rules, bootstrap, audit, applied, clock, metrics);
        this.auditRoutes = new AuditRoutes(trail);
    }

    public Admin start() {
        rules.start();
        trail.start();
        return this;
    }

    public void mount(Router router, Auth auth) {
        rulesRoutes.mount(router, auth);
        auditRoutes.mount(router, auth);
    }

    public boolean isCaughtUp() {
        return rules.isCaughtUp() && trail.isCaughtUp();
    }

    @Override
    public void close() {
        rules.close();
        trail.close();
    }
}
